import Contract
import KafkaClient
import Logging
import ServiceKit
import ServiceLifecycle

/// Publishes e-mails that failed for good to the failed topic (`VI_TOPIC_NOTIFICATIONS_FAILED`), keyed by the event
/// id, as ``NotificationFailure`` JSON.
///
/// The failure is in the queue first (`failure_published = false`) and is marked published in the transaction that
/// produced it, so nothing is lost while Kafka is down: it goes when Kafka is back. A crash between the broker's
/// acknowledgement and the commit publishes it again. It runs apart from the sender, so a slow broker never holds
/// up e-mail.
struct FailurePublisher: Sendable {
  static let batchSize = 100
  static let idleDelay = Duration.milliseconds(500)

  let queue: DeliveryQueue
  let producer: KafkaProducer
  let topic: String
  let logger: Logger

  func run() async throws {
    var failures = 0
    while !Task.isCancelled && !Task.isShuttingDownGracefully {
      let published: Int
      do {
        published = try await publishOnce()
        failures = 0
      } catch {
        failures += 1
        let delay = RetryPolicy.standard.delay(afterFailures: failures)
        logger.error(
          "Could not publish failed e-mails; retrying. Check Kafka and PostgreSQL.",
          metadata: ["error": "\(String(reflecting: error))", "retry.after": "\(delay)"])
        _ = await sleepUnlessShuttingDown(for: delay)
        continue
      }
      if published < Self.batchSize {
        _ = await sleepUnlessShuttingDown(for: Self.idleDelay)
      }
    }
  }

  /// Publishes one batch; returns how many failures it published.
  func publishOnce() async throws -> Int {
    try await queue.publishFailures(limit: Self.batchSize) { failures in
      let messages = try failures.map {
        KafkaProducerMessage(topic: topic, key: $0.eventId.uuidString.lowercased(), value: try EventCoding.encode($0))
      }
      try await producer.send(messages)
      logger.info("Published failed e-mails", metadata: ["count": "\(failures.count)", "topic": "\(topic)"])
    }
  }
}
