import Foundation
import KafkaClient
import Logging
import NIOConcurrencyHelpers
import PostgresNIO
import ServiceKit
import ServiceLifecycle
import TestTags
import Testing

@testable import Matcher

@Suite("Outbox relay", .tags(.integration), .localStack, .serialized)
struct OutboxRelayTests {
  static let brokers = ProcessInfo.processInfo.environment["VI_KAFKA_BROKERS"] ?? "127.0.0.1:9092"

  @Test("a relay that takes over sends every row once, also the rows the previous relay sent but did not delete")
  func takeOver() async throws {
    let run = "t" + UUID().uuidString.prefix(8).lowercased()
    let topic = "\(run).notices"
    let kafka = try KafkaSettings(
      EnvironmentVariables([
        "VI_KAFKA_BROKERS": Self.brokers, "VI_KAFKA_GROUP_PREFIX": run, "VI_KAFKA_SESSION_TIMEOUT_MS": "6000",
        "VI_KAFKA_MAX_POLL_INTERVAL_MS": "6000",
      ]), clientID: run)
    let logger = MatcherDatabase.logger
    try await KafkaAdmin.createTopicsIfMissing(
      [KafkaTopic(name: topic, partitions: 3)], client: kafka.client, logger: logger)
    let producer = try KafkaProducer(configuration: kafka.producer, logger: logger)
    try await MatcherDatabase.with { client in
      try await client.query(
        """
        INSERT INTO outbox (topic, key, payload)
        SELECT \(topic), 'k' || i, convert_to('notice ' || i, 'UTF8') FROM generate_series(1, 30) AS i
        """)
      try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await producer.run() }
        // The previous relay sent rows 1 to 12 and died before it deleted them.
        try await producer.send(
          (1...12).map {
            KafkaProducerMessage(
              topic: topic, key: "k\($0)", value: Array("notice \($0)".utf8),
              headers: [KafkaHeader(key: OutboxRecovery.header, string: String($0))])
          })
        let relay = OutboxRelay(
          postgres: client, producer: producer, recovery: OutboxRecovery(kafka: kafka, logger: logger),
          logger: logger)
        group.addTask { try await relay.run() }
        let drained = await Self.eventually {
          try await client.query("SELECT count(*)::int FROM outbox").collect().first?.decode(Int.self) == 0
        }
        #expect(drained, "the relay did not empty the outbox")
        group.cancelAll()
      }
    }
    let ids = try await Self.outboxIDs(on: topic, kafka: kafka, expected: 30)
    #expect(ids.sorted() == Array(1...30), "each row once on the topic; got \(ids.sorted())")
  }

  /// The `vi-outbox-id` headers of every record on `topic`, read until `expected` arrived and a moment longer.
  static func outboxIDs(on topic: String, kafka: KafkaSettings, expected: Int) async throws -> [Int] {
    let consumer = try KafkaConsumer(
      configuration: kafka.consumer(group: "reader-\(UUID().uuidString)", topics: [topic]),
      logger: MatcherDatabase.logger)
    let ids = NIOLockedValueBox<[Int]>([])
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { try await consumer.run() }
      group.addTask {
        for try await batch in consumer.batches {
          let found = batch.compactMap { record in
            record.headers.first { $0.key == OutboxRecovery.header }?.stringValue.flatMap { Int($0) }
          }
          ids.withLockedValue { $0 += found }
        }
      }
      _ = await eventually { ids.withLockedValue { $0.count } >= expected }
      try await Task.sleep(for: .seconds(2))
      group.cancelAll()
    }
    return ids.withLockedValue { $0 }
  }

  /// Polls `condition` for up to a minute.
  static func eventually(_ condition: @Sendable () async throws -> Bool) async -> Bool {
    for _ in 0..<600 {
      if (try? await condition()) == true { return true }
      try? await Task.sleep(for: .milliseconds(100))
    }
    return false
  }
}
