import Contract
import KafkaClient
import Logging
import Registry
import ServiceKit
import ServiceLifecycle

/// Reads the notices topic and queues one delivery per (event, recipient), then commits the batch's offsets.
///
/// Sending happens elsewhere (``DeliverySender``), so a slow or failing recipient never holds up reading. A batch is
/// queued in one statement; rows of a redelivered event already exist and stay as they are. When PostgreSQL fails
/// the batch is tried again (and not committed) until it is queued or the service stops.
struct NoticeIntake: Sendable {
  let consumer: KafkaConsumer
  let queue: DeliveryQueue
  let registry: RegistryReplica
  let metrics: NotifierMetrics
  let logger: Logger

  func run() async throws {
    for try await batch in consumer.batches.cancelOnGracefulShutdown() {
      let items = Self.plan(batch, registry: registry.current, logger: logger)
      var delay = Duration.milliseconds(200)
      while true {
        do {
          let (queued, withdrawn) = try await queue.enqueue(items)
          metrics.withdrawn.increment(by: withdrawn)
          logger.debug(
            "Queued e-mails",
            metadata: ["events": "\(items.count)", "queued": "\(queued)", "withdrawn": "\(withdrawn)"])
          break
        } catch {
          logger.error(
            "Could not queue notices; retrying. Check PostgreSQL.",
            metadata: ["error": "\(String(reflecting: error))", "retry.after": "\(delay)"])
          guard await sleepUnlessShuttingDown(for: delay) else { return }
          delay = min(delay * 2, .seconds(10))
        }
      }
      try consumer.commit(batch.nextPositions)
    }
  }

  /// The deliveries of each readable event in `batch`; unreadable records are logged and skipped.
  static func plan(
    _ batch: [KafkaConsumerMessage], registry: RegistrySnapshot, logger: Logger
  ) -> [(event: NoticeEvent, deliveries: [PlannedDelivery])] {
    let planner = RecipientPlanner(registry: registry, logger: logger)
    return batch.compactMap { record in
      do {
        let event = try EventCoding.decode(NoticeEvent.self, from: record.value)
        return (event, planner.plan(event))
      } catch {
        logger.error(
          "Skipping a notice event that cannot be read",
          metadata: [
            "kafka.partition": "\(record.partition)", "kafka.offset": "\(record.offset)", "error": "\(error)",
          ])
        return nil
      }
    }
  }
}
