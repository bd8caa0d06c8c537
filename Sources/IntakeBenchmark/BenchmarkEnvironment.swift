import Crypto
import Foundation
import Logging
import Shared

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Where the system under measurement is, from the same variables the services read, and how to prepare it.
struct BenchmarkEnvironment {
  let environment = ProcessInfo.processInfo.environment
  let runID = "bench-" + UUID().uuidString.prefix(6).lowercased()
  let key = Curve25519.Signing.PrivateKey()
  let logger: Logger = {
    var logger = Logger(label: "benchmark")
    logger.logLevel = .warning
    return logger
  }()

  var brokers: String { environment["VI_KAFKA_BROKERS"] ?? "127.0.0.1:9092" }
  var intakeURL: String { environment["VI_INTAKE_URL"] ?? "http://127.0.0.1:8080" }
  var client: KafkaClientConfiguration { KafkaClientConfiguration(bootstrapServers: brokers, clientID: runID) }
  var organisation: String { "org-\(runID)" }
  var professional: String { "prof-\(runID)" }

  func topics() throws -> TopicNames { try TopicNames(EnvironmentVariables(environment)) }

  /// Registers this run's organisation (with its key) and professional through the admin API.
  func register() async throws {
    guard let token = environment["VI_ADMIN_TOKEN"] else {
      throw BenchmarkError("set VI_ADMIN_TOKEN (scripts/services.sh writes it to .vi/dev.env)")
    }
    let publicKey = OrganisationKey.registryForm(of: key.publicKey)
    try await put(
      "organisations/\(organisation)",
      #"{"name":"Benchmark","type":"school","municipality":"0363","region":"bench","publicKey":"\#(publicKey)","coordinator":null,"active":true}"#,
      token: token)
    try await put(
      "professionals/\(professional)",
      #"{"organisationId":"\#(organisation)","name":"Bench","email":"bench@example.org","phone":"0","active":true}"#,
      token: token)
  }

  private func put(_ path: String, _ body: String, token: String) async throws {
    var request = URLRequest(url: URL(string: "\(intakeURL)/v1/admin/\(path)")!)
    request.httpMethod = "PUT"
    request.httpBody = Data(body.utf8)
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
    let (_, response) = try await URLSession.shared.data(for: request)
    guard (response as? HTTPURLResponse)?.statusCode == 200 else {
      throw BenchmarkError("PUT \(path) failed; is SignalIntake running at \(intakeURL)?")
    }
  }

  /// A valid, signed register command for a new child with one parent.
  func signedCommand(_ index: Int, topic: String) throws -> KafkaProducerMessage {
    let command = SignalCommand(
      id: "\(runID)-\(index)", source: SignalCommand.source(organisationId: organisation), type: .register,
      time: Date(),
      data: CommandData(
        professionalId: professional, reference: "B-\(index)", informed: "parents",
        child: ChildIdentity(
          bsn: RandomBSN.make(), familyName: "Bench", givenNames: "Kind", birthDate: "2016-02-03", gender: "O",
          parentBsns: [RandomBSN.make()])))
    let value = try EventCoding.encode(command)
    return KafkaProducerMessage(
      topic: topic, key: organisation, value: value,
      headers: [
        KafkaHeader(key: "content-type", string: "application/cloudevents+json"),
        KafkaHeader(
          key: DetachedJWS.headerName, string: try DetachedJWS.sign(payload: value, keyID: organisation, key: key)),
      ])
  }
}

/// A benchmark could not run; the message says what to set up.
struct BenchmarkError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
