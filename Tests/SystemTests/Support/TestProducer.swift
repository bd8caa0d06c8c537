import Foundation
import KafkaClient
import Logging

/// Produces records onto the local broker, as a source system or SignalIntake would, and waits until every one is
/// acknowledged.
enum TestProducer {
  static func send(_ messages: [KafkaProducerMessage]) async throws {
    var logger = Logger(label: "test-producer")
    logger.logLevel = .warning
    let producer = try KafkaProducer(
      configuration: KafkaProducerConfiguration(
        client: KafkaClientConfiguration(bootstrapServers: TestEnvironment.kafkaBrokers, clientID: "test-producer")),
      logger: logger)
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { try await producer.run() }
      for first in stride(from: 0, to: messages.count, by: 5000) {
        try await producer.send(Array(messages[first..<min(first + 5000, messages.count)]))
      }
      group.cancelAll()
    }
  }
}
