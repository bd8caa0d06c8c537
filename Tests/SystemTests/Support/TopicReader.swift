import Foundation
import KafkaClient
import Logging
import NIOConcurrencyHelpers

/// Reads whole topics from the beginning, for assertions about everything that was published.
enum TopicReader {
  /// Reads `topics` until `done` says the records suffice (or `timeout` passes), then `settle` longer to catch any
  /// extra record. Returns every record read.
  static func read(
    _ topics: [String], timeout: Duration, settle: Duration = .seconds(3),
    done: @escaping @Sendable ([KafkaConsumerMessage]) -> Bool
  ) async throws -> [KafkaConsumerMessage] {
    var logger = Logger(label: "topic-reader")
    logger.logLevel = .warning
    let consumer = try KafkaConsumer(
      configuration: KafkaConsumerConfiguration(
        client: KafkaClientConfiguration(bootstrapServers: TestEnvironment.kafkaBrokers, clientID: "topic-reader"),
        groupID: "reader-\(UUID().uuidString)", topics: topics, sessionTimeoutMilliseconds: 6000,
        maxPollIntervalMilliseconds: 6000),
      logger: logger)
    let records = NIOLockedValueBox<[KafkaConsumerMessage]>([])
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { try await consumer.run() }
      group.addTask {
        for try await batch in consumer.batches {
          records.withLockedValue { $0 += batch }
        }
      }
      _ = await eventually(timeout: timeout) { done(records.withLockedValue { $0 }) ? true : nil }
      try await Task.sleep(for: settle)
      group.cancelAll()
    }
    return records.withLockedValue { $0 }
  }
}
