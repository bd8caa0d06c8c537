import Foundation
import Logging
import PostgresNIO
import Shared

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Where the system under measurement is (the services' own variables), and how to register the population.
struct BenchSetup {
  let environment = ProcessInfo.processInfo.environment
  let runID = "b" + UUID().uuidString.prefix(6).lowercased()
  let logger: Logger = {
    var logger = Logger(label: "matcher-benchmark")
    logger.logLevel = .warning
    return logger
  }()

  var brokers: String { environment["VI_KAFKA_BROKERS"] ?? "127.0.0.1:9092" }
  var intakeURL: String { environment["VI_INTAKE_URL"] ?? "http://127.0.0.1:8080" }
  var client: KafkaClientConfiguration { KafkaClientConfiguration(bootstrapServers: brokers, clientID: runID) }

  func topics() throws -> TopicNames { try TopicNames(EnvironmentVariables(environment)) }

  /// The Matcher's database, to watch its progress.
  func matcherDatabase() throws -> PostgresClient {
    guard let text = environment["VI_MATCHER_POSTGRES_URL"], let url = PostgresURL(string: text) else {
      throw BenchError("set VI_MATCHER_POSTGRES_URL to the Matcher's database (scripts/bench-matcher.sh does)")
    }
    return PostgresClient(configuration: url.clientConfiguration, backgroundLogger: logger)
  }

  /// The registry entries of the population: organisations (with their keys) and professionals.
  func registryEvents(_ population: Population) -> [RegistryEvent] {
    var events: [RegistryEvent] = []
    for index in 0..<Population.organisationCount {
      events.append(
        RegistryEvent(
          Organisation(
            id: population.organisationId(index), name: "Organisatie \(index)",
            type: population.organisationType(index), municipality: "GM\(1000 + index % 40)", region: "bench",
            publicKey: OrganisationKey.registryForm(of: population.keys[index].publicKey), coordinator: nil,
            active: true)))
    }
    for index in 0..<(Population.organisationCount * Population.professionalsPerOrganisation) {
      events.append(
        RegistryEvent(
          Professional(
            id: population.professionalId(index),
            organisationId: population.organisationId(index / Population.professionalsPerOrganisation),
            name: "Professional \(index)", email: "p\(index)@example.org", phone: "0", active: true)))
    }
    return events
  }

  /// Registers the population through SignalIntake's admin API, 16 requests at a time.
  func registerThroughAdminAPI(_ population: Population) async throws {
    guard let token = environment["VI_ADMIN_TOKEN"] else { throw BenchError("set VI_ADMIN_TOKEN") }
    let events = registryEvents(population)
    try await withThrowingTaskGroup(of: Void.self) { group in
      for (index, event) in events.enumerated() {
        if index >= 16 { try await group.next() }
        group.addTask {
          let path: String
          let body: String
          if let organisation = event.organisation {
            path = "organisations/\(organisation.id)"
            body = """
              {"name":"\(organisation.name)","type":"\(organisation.type)","municipality":"\(organisation.municipality)",\
              "region":"bench","publicKey":"\(organisation.publicKey)","coordinator":null,"active":true}
              """
          } else {
            let professional = event.professional!
            path = "professionals/\(professional.id)"
            body = """
              {"organisationId":"\(professional.organisationId)","name":"\(professional.name)",\
              "email":"\(professional.email)","phone":"0","active":true}
              """
          }
          var request = URLRequest(url: URL(string: "\(intakeURL)/v1/admin/\(path)")!)
          request.httpMethod = "PUT"
          request.httpBody = Data(body.utf8)
          request.setValue("application/json", forHTTPHeaderField: "Content-Type")
          request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
          let (data, response) = try await URLSession.shared.data(for: request)
          guard (response as? HTTPURLResponse)?.statusCode == 200 else {
            throw BenchError("PUT \(path) failed: \(String(decoding: data, as: UTF8.self))")
          }
        }
      }
      try await group.waitForAll()
    }
  }
}

/// A benchmark could not run; the message says what to set up.
struct BenchError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
