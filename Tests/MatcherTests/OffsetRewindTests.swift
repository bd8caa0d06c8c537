import Contract
import Foundation
import KafkaClient
import Logging
import PostgresNIO
import Registry
import Rules
import ServiceKit
import TestTags
import Testing

@testable import Matcher

/// The broker lost its data (a development broker restarted, a topic recreated, a cluster rebuilt) while the
/// Matcher's database kept its offsets: the new records on the topic must be applied, not skipped as redelivered;
/// records read again must still be skipped.
@Suite("Offsets beyond the end of the topic", .tags(.integration), .localStack, .serialized)
struct OffsetRewindTests {
  @Test("new records below a stored offset that lies beyond the end are applied, and the stored offset follows them")
  func storedOffsetBeyondTheEnd() async throws {
    let run = Run()
    try await MatcherDatabase.with { client in
      // Before the broker lost its data, this partition held 40 records, all applied, the newest an hour ago.
      let hourAgo = Int64(Date().timeIntervalSince1970 * 1000) - 3_600_000
      try await client.query(
        """
        INSERT INTO consumer_offsets (topic, partition, next_offset, newest_timestamp_ms)
        VALUES (\(run.topic), 0, 40, \(hourAgo))
        """)
      try await run.produce(
        Events.register(child: "c", professional: "p1", organisation: "o1"),
        Events.register(child: "c", professional: "p2", organisation: "o2"))
      let topic = run.topic
      let applied = try await run.match(on: client) { try await $0.nextOffset(topic) == 2 }
      #expect(applied, "the stored offset did not move back to the records now on the topic")
      #expect(try await Applier(client: client).matches() == ["child p1-p2"])
    }
  }

  @Test("records read again from the start (a stored offset the broker's lagging end put beyond it) are skipped")
  func recordsReadAgainAreSkipped() async throws {
    let run = Run()
    try await MatcherDatabase.with { client in
      try await run.produce(
        Events.register(child: "c", professional: "p1", organisation: "o1"),
        Events.register(child: "c", professional: "p2", organisation: "o2"))
      // (The closure stays out of #expect: Swift 6.3 mixes up a closure in the macro with the next one.)
      let first = try await run.match(on: client) { try await $0.matchCount() == 1 }
      #expect(first, "the first two records were not applied")
      // As if the broker had reported an end offset below what was applied: the partition is read from the start.
      try await client.query("UPDATE consumer_offsets SET next_offset = 50 WHERE topic = \(run.topic)")
      try await run.produce(Events.register(child: "c", professional: "p3", organisation: "o3"))
      let third = try await run.match(on: client) { try await $0.matchCount() == 3 }
      #expect(third, "the record written after the others was not applied")
      #expect(try await Applier(client: client).matches() == ["child p1-p2", "child p1-p3", "child p2-p3"])
      let logged = try await client.query(
        "SELECT count(*)::int FROM log_book WHERE action = 'signal.registered'"
      ).collect().first?.decode(Int.self)
      #expect(logged == 3, "the records read again were applied again")
    }
  }

  /// A topic of one partition and the Kafka settings of one test run.
  struct Run {
    let id = "t" + UUID().uuidString.prefix(8).lowercased()
    var topic: String { "\(id).signals" }

    var kafka: KafkaSettings {
      get throws {
        try KafkaSettings(
          EnvironmentVariables([
            "VI_KAFKA_BROKERS": OutboxRelayTests.brokers, "VI_KAFKA_GROUP_PREFIX": id,
            "VI_KAFKA_SESSION_TIMEOUT_MS": "6000", "VI_KAFKA_MAX_POLL_INTERVAL_MS": "6000",
          ]), clientID: id)
      }
    }

    func produce(_ events: SignalEvent...) async throws {
      let kafka = try kafka
      try await KafkaAdmin.createTopicsIfMissing(
        [KafkaTopic(name: topic, partitions: 1)], client: kafka.client, logger: MatcherDatabase.logger)
      let producer = try KafkaProducer(configuration: kafka.producer, logger: MatcherDatabase.logger)
      try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await producer.run() }
        defer { group.cancelAll() }
        try await producer.send(
          try events.map { KafkaProducerMessage(topic: topic, key: "c", value: try EventCoding.encode($0)) })
      }
    }

    /// Runs a consumer and the match loop on `client` until `done` holds (at most a minute); whether it did.
    func match(
      on client: PostgresClient, until done: @escaping @Sendable (PostgresClient) async throws -> Bool
    )
      async throws -> Bool
    {
      let logger = MatcherDatabase.logger
      let consumer = try KafkaConsumer(
        configuration: try kafka.consumer(group: "matcher", topics: [topic]),
        rebalanceListener: PostgresOffsetStore(client: client, logger: logger), logger: logger)
      let loop = MatchLoop(
        consumer: consumer, postgres: client, rules: MatchRules(matchSameOrganisation: false),
        registry: RegistryReplica(store: RegistryStore(client: client, logger: logger), logger: logger),
        noticesTopic: "\(id).matches", logger: logger)
      return await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await consumer.run() }
        group.addTask { try await loop.run() }
        defer { group.cancelAll() }
        return await OutboxRelayTests.eventually { try await done(client) }
      }
    }
  }
}

extension PostgresClient {
  /// How many matches the Matcher stored.
  fileprivate func matchCount() async throws -> Int? {
    try await query("SELECT count(*)::int FROM matches").collect().first?.decode(Int.self)
  }

  /// The Matcher's stored next offset of partition 0 of `topic`.
  fileprivate func nextOffset(_ topic: String) async throws -> Int64? {
    try await query("SELECT next_offset FROM consumer_offsets WHERE topic = \(topic) AND partition = 0")
      .collect().first?.decode(Int64.self)
  }
}
