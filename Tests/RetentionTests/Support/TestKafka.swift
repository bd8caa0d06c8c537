import Foundation
import KafkaClient
import Logging
import NIOConcurrencyHelpers

/// The broker the tests use (`VI_KAFKA_BROKERS` or the local default), with topics and groups of their own.
enum TestKafka {
  static let brokers = ProcessInfo.processInfo.environment["VI_KAFKA_BROKERS"] ?? "127.0.0.1:9092"

  static func client(_ name: String) -> KafkaClientConfiguration {
    KafkaClientConfiguration(bootstrapServers: brokers, clientID: "test-\(name)")
  }

  /// Creates a topic no other test or run uses and returns its name.
  static func newTopic(_ name: String, partitions: Int32 = 3) async throws -> String {
    let topic = "test.\(name).\(UUID().uuidString.prefix(8).lowercased())"
    try await KafkaAdmin.createTopicsIfMissing(
      [KafkaTopic(name: topic, partitions: partitions)], client: client("admin"), logger: RetentionDatabase.logger)
    return topic
  }

  /// A producer for tests.
  static func producer() throws -> KafkaProducer {
    try KafkaProducer(
      configuration: KafkaProducerConfiguration(client: client("producer")), logger: RetentionDatabase.logger)
  }

  /// A consumer with short group timeouts: Tansu makes a joining member wait for the rebalance timeout.
  static func consumer(group: String, topics: [String]) throws -> KafkaConsumer {
    try KafkaConsumer(
      configuration: KafkaConsumerConfiguration(
        client: client(group), groupID: group, topics: topics, sessionTimeoutMilliseconds: 6000,
        maxPollIntervalMilliseconds: 6000),
      logger: RetentionDatabase.logger)
  }
}

/// Everything read from a topic since it started, by a consumer group of its own.
final class TopicCollector: Sendable {
  let consumer: KafkaConsumer
  private let records = NIOLockedValueBox<[KafkaConsumerMessage]>([])

  init(topic: String) throws {
    consumer = try TestKafka.consumer(group: "collect-\(UUID().uuidString)", topics: [topic])
  }

  /// Reads batches until cancelled (run it in a task next to `consumer.run()`).
  func collect() async throws {
    for try await batch in consumer.batches {
      records.withLockedValue { $0 += batch }
    }
  }

  /// What was read so far.
  var all: [KafkaConsumerMessage] { records.withLockedValue { $0 } }

  /// Waits until at least `count` records were read, or `timeout` passed; returns what was read.
  func wait(for count: Int, timeout: Duration = .seconds(60)) async throws -> [KafkaConsumerMessage] {
    let deadline = ContinuousClock.now + timeout
    while all.count < count && ContinuousClock.now < deadline {
      try await Task.sleep(for: .milliseconds(50))
    }
    return all
  }
}
