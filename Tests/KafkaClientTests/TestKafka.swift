import Foundation
import KafkaClient
import Logging

/// The broker the integration tests use: `VI_KAFKA_BROKERS`, as the test command sets it, or the local default.
enum TestKafka {
  static let brokers = ProcessInfo.processInfo.environment["VI_KAFKA_BROKERS"] ?? "127.0.0.1:9092"

  static func client(_ name: String) -> KafkaClientConfiguration {
    KafkaClientConfiguration(bootstrapServers: brokers, clientID: "test-\(name)")
  }

  /// A topic name no other test or run uses.
  static func uniqueTopic(_ name: String) -> String {
    "test.\(name).\(UUID().uuidString.prefix(8).lowercased())"
  }

  /// Short group timeouts: Tansu makes a joining member wait for the rebalance timeout (`max.poll.interval.ms`).
  static func consumer(group: String, topics: [String], batchSize: Int = 500) -> KafkaConsumerConfiguration {
    KafkaConsumerConfiguration(
      client: client(group), groupID: group, topics: topics, sessionTimeoutMilliseconds: 6000,
      maxPollIntervalMilliseconds: 6000, maxBatchSize: batchSize)
  }

  static let logger: Logger = {
    var logger = Logger(label: "test")
    logger.logLevel = .notice
    return logger
  }()
}
