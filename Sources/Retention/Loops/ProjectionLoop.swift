import Contract
import Foundation
import KafkaClient
import Logging
import PostgresNIO
import ServiceLifecycle

/// Builds Retention's own view of the signals and children from the signals topic: one transaction per batch,
/// every statement idempotent, Kafka offsets committed after it. A batch applied again after a crash (before its
/// offsets were committed) changes nothing, since the events of one child come in the same order again.
struct ProjectionLoop: Sendable {
  let consumer: KafkaConsumer
  let postgres: PostgresClient
  let logger: Logger
  /// Told how many events each batch applied (tests wait on it to know the projection has caught up).
  var applied: @Sendable (Int) -> Void = { _ in }

  func run() async throws {
    for try await batch in consumer.batches.cancelOnGracefulShutdown() {
      try await postgres.withTransaction(logger: logger) { connection in
        let applier = ProjectionApplier(connection: connection, logger: logger)
        for record in batch {
          guard let event = try? EventCoding.decode(SignalEvent.self, from: record.value) else {
            logger.error(
              "Skipping a signal event that cannot be read",
              metadata: ["kafka.partition": "\(record.partition)", "kafka.offset": "\(record.offset)"])
            continue
          }
          try await applier.apply(event)
        }
      }
      try consumer.commit(batch.nextPositions)
      applied(batch.count)
    }
  }
}
