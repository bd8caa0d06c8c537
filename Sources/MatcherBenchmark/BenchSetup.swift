import BenchmarkSupport
import Contract
import JOSE
import PostgresNIO
import ServiceKit

/// The system under measurement (the services' own variables), the Matcher's database, and how to register the
/// population.
struct BenchSetup {
  let target = BenchmarkTarget(runPrefix: "b", label: "matcher-benchmark")

  var runID: String { target.runID }

  /// The Matcher's database, to watch its progress.
  func matcherDatabase() throws -> PostgresClient {
    guard let text = target.environment["VI_MATCHER_POSTGRES_URL"], let url = PostgresURL(string: text) else {
      throw BenchmarkError("set VI_MATCHER_POSTGRES_URL to the Matcher's database (scripts/bench-matcher.sh does)")
    }
    return PostgresClient(configuration: url.clientConfiguration, backgroundLogger: target.logger)
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
    let admin = try target.adminAPI()
    let events = registryEvents(population)
    try await withThrowingTaskGroup(of: Void.self) { group in
      for (index, event) in events.enumerated() {
        if index >= 16 { try await group.next() }
        group.addTask {
          if let organisation = event.organisation {
            try await admin.put(
              "organisations/\(organisation.id)",
              json: """
                {"name":"\(organisation.name)","type":"\(organisation.type)","municipality":"\(organisation.municipality)",\
                "region":"bench","publicKey":"\(organisation.publicKey)","coordinator":null,"active":true}
                """)
          } else if let professional = event.professional {
            try await admin.put(
              "professionals/\(professional.id)",
              json: """
                {"organisationId":"\(professional.organisationId)","name":"\(professional.name)",\
                "email":"\(professional.email)","phone":"0","active":true}
                """)
          }
        }
      }
      try await group.waitForAll()
    }
  }
}
