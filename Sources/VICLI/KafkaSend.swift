import Foundation
import KafkaClient
import Logging

/// Produces one record and waits for the broker's acknowledgement.
enum KafkaSend {
  /// How long to wait for the acknowledgement before giving up.
  static let timeoutMilliseconds = 15_000

  /// Sends `message` with a producer of its own, which is closed again before returning.
  static func send(
    _ message: KafkaProducerMessage, client: KafkaClientConfiguration
  ) async throws
    -> KafkaDeliveryReport
  {
    var logger = Logger(label: "vi")
    logger.logLevel = .error
    let producer = try KafkaProducer(
      configuration: KafkaProducerConfiguration(
        client: client, messageTimeoutMilliseconds: timeoutMilliseconds, shutdownFlushTimeout: .zero),
      logger: logger)
    do {
      return try await withThrowingTaskGroup(of: KafkaDeliveryReport?.self) { group in
        group.addTask {
          try await producer.run()
          return nil
        }
        let report = try await producer.send(message)
        group.cancelAll()
        return report
      }
    } catch {
      throw CLIError(
        "could not deliver to '\(message.topic)' at \(client.bootstrapServers) within \(timeoutMilliseconds / 1000) s:"
          + " \(error); is the broker running (set VI_KAFKA_BROKERS or --brokers) and does the topic exist?")
    }
  }
}
