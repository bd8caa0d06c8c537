import Foundation
import Logging
import PostgresNIO
import Shared
import Testing

@testable import Matcher

/// The broker lost its data (a development broker restarted, a topic recreated, a cluster rebuilt) while the
/// Matcher's database kept its offsets: the new records on the topic must be applied, not skipped as redelivered.
@Suite("Offsets beyond the end of the topic", .serialized)
struct OffsetRewindTests {
  @Test("new records below a stored offset that lies beyond the end are applied, and the stored offset follows them")
  func storedOffsetBeyondTheEnd() async throws {
    let run = "t" + UUID().uuidString.prefix(8).lowercased()
    let kafka = try KafkaSettings(
      EnvironmentVariables([
        "VI_KAFKA_BROKERS": OutboxRelayTests.brokers, "VI_KAFKA_GROUP_PREFIX": run,
        "VI_KAFKA_SESSION_TIMEOUT_MS": "6000", "VI_KAFKA_MAX_POLL_INTERVAL_MS": "6000",
      ]), clientID: run)
    let topic = "\(run).signals"
    let logger = MatcherDatabase.logger
    try await KafkaAdmin.createTopicsIfMissing(
      [KafkaTopic(name: topic, partitions: 1)], client: kafka.client, logger: logger)
    let producer = try KafkaProducer(configuration: kafka.producer, logger: logger)
    try await MatcherDatabase.with { client in
      // Before the broker lost its data, this partition held 40 records, all applied.
      try await client.query("INSERT INTO consumer_offsets (topic, partition, next_offset) VALUES (\(topic), 0, 40)")
      let offsets = PostgresOffsetStore(client: client, logger: logger)
      let consumer = try KafkaConsumer(
        configuration: kafka.consumer(group: "matcher", topics: [topic]), rebalanceListener: offsets, logger: logger)
      let loop = MatchLoop(
        consumer: consumer, postgres: client, rules: MatchRules(matchSameOrganisation: false),
        registry: RegistryReplica(store: RegistryStore(client: client, logger: logger), logger: logger),
        noticesTopic: "\(run).matches", logger: logger)
      try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await producer.run() }
        let events = [
          Events.register(child: "c", professional: "p1", organisation: "o1"),
          Events.register(child: "c", professional: "p2", organisation: "o2"),
        ]
        try await producer.send(
          try events.map { KafkaProducerMessage(topic: topic, key: "c", value: try EventCoding.encode($0)) })
        group.addTask { try await consumer.run() }
        group.addTask { try await loop.run() }
        let applied = await OutboxRelayTests.eventually {
          try await client.query("SELECT next_offset FROM consumer_offsets WHERE topic = \(topic)")
            .collect().first?.decode(Int64.self) == 2
        }
        #expect(applied, "the stored offset did not move back to the records now on the topic")
        #expect(try await Applier(client: client).matches() == ["child p1-p2"])
        group.cancelAll()
      }
    }
  }
}
