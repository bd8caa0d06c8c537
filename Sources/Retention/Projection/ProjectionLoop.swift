import Foundation
import Logging
import PostgresNIO
import ServiceLifecycle
import Shared

/// Builds Retention's own view of the signals from the signals topic: one transaction per batch, every statement
/// idempotent, Kafka offsets committed after it.
struct ProjectionLoop: Sendable {
  let consumer: KafkaConsumer
  let postgres: PostgresClient
  let logger: Logger

  func run() async throws {
    for try await batch in consumer.batches.cancelOnGracefulShutdown() {
      try await postgres.withTransaction(logger: logger) { connection in
        for record in batch {
          guard let event = try? EventCoding.decode(SignalEvent.self, from: record.value) else {
            logger.error(
              "Skipping a signal event that cannot be read",
              metadata: ["kafka.partition": "\(record.partition)", "kafka.offset": "\(record.offset)"])
            continue
          }
          try await apply(event, connection)
        }
      }
      try consumer.commit(batch.nextPositions)
    }
  }

  private func apply(_ event: SignalEvent, _ connection: PostgresConnection) async throws {
    if let previous = event.rekeying?.child, previous != event.childPseudonym {
      // A rotation of the pseudonym key: the child's later events come under its new pseudonym.
      try await connection.query(
        """
        UPDATE retention_signals SET child_pseudonym = \(event.childPseudonym.value)
        WHERE child_pseudonym = \(previous.value)
        """, logger: logger)
    }
    switch event.type {
    case .registered:
      guard let signal = event.registered else { return }
      try await connection.query(
        """
        INSERT INTO retention_signals (signal_id, child_pseudonym, professional_id, status, registered_at, ends_on)
        SELECT \(signal.signalId), \(event.childPseudonym.value), \(signal.professionalId), 'active',
          \(signal.registeredAt), \(signal.endsOn.description)::date
        WHERE NOT EXISTS (
          SELECT 1 FROM retention_signals WHERE child_pseudonym = \(event.childPseudonym.value)
            AND professional_id = \(signal.professionalId) AND status = 'active')
        ON CONFLICT DO NOTHING
        """, logger: logger)
    case .ended:
      guard let ending = event.ended else { return }
      try await connection.query(
        """
        UPDATE retention_signals SET status = 'ended'
        WHERE child_pseudonym = \(event.childPseudonym.value) AND professional_id = \(ending.professionalId)
          AND status = 'active'
        """, logger: logger)
    case .expired:
      guard let expiry = event.expired else { return }
      try await connection.query(
        "UPDATE retention_signals SET status = 'expired' WHERE signal_id = \(expiry.signalId) AND status = 'active'",
        logger: logger)
    case .expiryReminder, .purged, .childErased, .childCorrected:
      return
    }
  }
}
