import Contract
import Crypto
import Foundation
import Hummingbird
import HummingbirdTesting
import JOSE
import KafkaClient
import Logging
import PostgresNIO
import Registry
import ServiceKit
import ServiceLifecycle
import Testing

@testable import Matcher

/// A Matcher HTTP application on a database of its own, with a registry of three organisations, a producer on the
/// local broker and a signals topic of its own, and every log line it writes recorded.
struct APIWorld: Sendable {
  static let adminToken = "admin-token-for-the-matcher-api-tests-0123456789"
  static let key = Array(repeating: UInt8(0x42), count: 32)
  static let brokers = ProcessInfo.processInfo.environment["VI_KAFKA_BROKERS"] ?? "127.0.0.1:9092"

  let client: PostgresClient
  let pseudonymizer: Pseudonymizer
  let topic: String
  let keys: [String: Curve25519.Signing.PrivateKey]
  let logs: LogRecorder

  /// Runs `body` with a fresh world and a test client of its HTTP application.
  static func with(
    previousKey: [UInt8]? = nil, currentKey: [UInt8] = key,
    _ body: @Sendable (APIWorld, any TestClientProtocol) async throws -> Void
  ) async throws {
    try await MatcherDatabase.with { client in
      let logs = LogRecorder()
      let logger = Logger(label: "matcher-api-test") { _ in logs.handler() }
      var keys: [String: Curve25519.Signing.PrivateKey] = [:]
      for organisation in ["org-a", "org-b", "org-c"] { keys[organisation] = Curve25519.Signing.PrivateKey() }
      let store = RegistryStore(client: client, logger: logger)
      try await store.save(Fixture.registry(keys: keys))
      let registry = RegistryReplica(store: store, logger: logger)
      try await registry.load()

      let topic = "test.matcher-api.\(UUID().uuidString.prefix(8).lowercased())"
      let kafka = KafkaClientConfiguration(bootstrapServers: brokers, clientID: "matcher-api-test")
      try await KafkaAdmin.createTopicsIfMissing(
        [KafkaTopic(name: topic, partitions: 1)], client: kafka, logger: logger)
      let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(client: kafka), logger: logger)
      let pseudonymizer = Pseudonymizer(key: currentKey, previousKey: previousKey)
      let api = MatcherAPI(
        postgres: client, registry: registry, producer: producer, signalsTopic: topic, adminToken: adminToken,
        pseudonymizer: pseudonymizer, logger: logger)
      let app = ServiceHTTP.application(
        service: "Matcher", host: "127.0.0.1", port: 0, postgres: client, kafka: kafka, logger: logger,
        routes: api.add(to:))
      let world = APIWorld(client: client, pseudonymizer: pseudonymizer, topic: topic, keys: keys, logs: logs)

      let group = ServiceGroup(services: [producer], gracefulShutdownSignals: [], logger: logger)
      try await withThrowingTaskGroup(of: Void.self) { tasks in
        tasks.addTask { try await group.run() }
        do {
          try await app.test(.router) { http in try await body(world, http) }
        } catch {
          await group.triggerGracefulShutdown()
          throw error
        }
        await group.triggerGracefulShutdown()
        try await tasks.waitForAll()
      }
    }
  }

  /// A bearer token of `professional` issued by `organisation` (signed with `signer`'s key, by default the
  /// organisation's own).
  func token(
    _ professional: String, of organisation: String, signedBy signer: String? = nil, lifetime: TimeInterval = 300,
    now: Date = Date()
  ) throws -> String {
    try BearerToken.mint(
      issuer: organisation, subject: professional, lifetime: lifetime, now: now, key: keys[signer ?? organisation]!)
  }

  /// The pseudonym of a BSN under the world's current key.
  func pseudonym(_ bsn: String) -> String {
    pseudonymizer.pseudonym(for: BSN(bsn)!).value
  }

  /// Runs SQL.
  func sql(_ query: PostgresQuery) async throws {
    try await client.query(query, logger: MatcherDatabase.logger)
  }

  /// The log book as `actor action child signal detail` lines, oldest first.
  func logBook() async throws -> [LogLine] {
    let rows = try await client.query(
      "SELECT actor, action, child_pseudonym, signal_id, detail::text FROM log_book ORDER BY id",
      logger: MatcherDatabase.logger)
    var lines: [LogLine] = []
    for try await (actor, action, child, signal, detail) in rows.decode((String, String, String?, UUID?, String).self) {
      lines.append(LogLine(actor: actor, action: action, child: child, signal: signal, detail: detail))
    }
    return lines
  }

  /// Every row of every table of the database, as text, for looking for what must not be there.
  func everyStoredRow() async throws -> String {
    let tables = try await client.query(
      "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public'",
      logger: MatcherDatabase.logger)
    var names: [String] = []
    for try await name in tables.decode(String.self) { names.append(name) }
    var text = ""
    for name in names {
      let rows = try await client.query(
        PostgresQuery(unsafeSQL: "SELECT coalesce(string_agg(t::text, ' '), '') FROM \"\(name)\" t"),
        logger: MatcherDatabase.logger)
      for try await rowText in rows.decode(String.self) { text += rowText + "\n" }
    }
    return text
  }

  /// Reads the world's topic from its beginning until `count` records have arrived (or 20 seconds passed).
  func publishedEvents(count: Int) async throws -> [(key: String, event: SignalEvent)] {
    let kafka = KafkaClientConfiguration(bootstrapServers: Self.brokers, clientID: "matcher-api-test-reader")
    let consumer = try KafkaConsumer(
      configuration: KafkaConsumerConfiguration(
        client: kafka, groupID: "g-\(topic)", topics: [topic], sessionTimeoutMilliseconds: 6000,
        maxPollIntervalMilliseconds: 6000, maxBatchSize: 100),
      logger: Logger(label: "matcher-api-test-reader"))
    let group = ServiceGroup(services: [consumer], gracefulShutdownSignals: [], logger: Logger(label: "reader"))
    return try await withThrowingTaskGroup(of: [(key: String, event: SignalEvent)]?.self) { tasks in
      tasks.addTask {
        try await group.run()
        return nil
      }
      tasks.addTask {
        var events: [(key: String, event: SignalEvent)] = []
        for try await batch in consumer.batches {
          for record in batch {
            events.append(
              (
                String(decoding: record.key ?? [], as: UTF8.self),
                try EventCoding.decode(SignalEvent.self, from: record.value)
              ))
          }
          if events.count >= count { break }
        }
        return events
      }
      tasks.addTask {
        try await Task.sleep(for: .seconds(20))
        return []
      }
      var result: [(key: String, event: SignalEvent)] = []
      for try await events in tasks {
        if let events {
          result = events
          break
        }
      }
      await group.triggerGracefulShutdown()
      tasks.cancelAll()
      while let _ = try? await tasks.next() {}
      return result
    }
  }
}

/// A log book row, read back.
struct LogLine: Sendable, Hashable {
  var actor: String
  var action: String
  var child: String?
  var signal: UUID?
  var detail: String
}
