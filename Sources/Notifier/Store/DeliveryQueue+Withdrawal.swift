import Foundation
import Logging
import PostgresNIO
import ServiceKit

extension DeliveryQueue {
  /// How long a withdrawn signal is remembered, for a notice naming it that arrives late (from another partition, or
  /// from a Matcher outbox that waited for Kafka). Far longer than either lag; the rows hold only signal ids.
  static let withdrawalMemory = Duration.seconds(30 * 24 * 3600)

  /// The advisory lock that orders queueing against withdrawals across Notifier instances: a batch with a
  /// withdrawal takes it exclusively, any other batch shared. So a withdrawal either sees the rows of a batch queued
  /// concurrently (and withdraws them) or that batch sees the withdrawal (and queues nothing that names it); under
  /// READ COMMITTED each statement after the lock sees what committed before it was granted.
  static func lockAgainstWithdrawals(exclusive: Bool, on connection: PostgresConnection, logger: Logger) async throws {
    let key = Int64(0x5649_5744)  // "VIWD"
    if exclusive {
      try await connection.query("SELECT pg_advisory_xact_lock(\(key))", logger: logger)
    } else {
      try await connection.query("SELECT pg_advisory_xact_lock_shared(\(key))", logger: logger)
    }
  }

  /// Remembers `signalIds` as withdrawn and withdraws the pending rows that name one: they will not be sent, and
  /// their notice (the child's data) is cleared. A row being sent right now is waited for; if it is to be retried it
  /// is withdrawn then. Returns how many rows were withdrawn.
  func withdraw(_ signalIds: [UUID], on connection: PostgresConnection) async throws -> Int {
    guard !signalIds.isEmpty else { return 0 }
    try await connection.query(
      """
      INSERT INTO withdrawn_signals (signal_id) SELECT * FROM UNNEST(\(signalIds)::uuid[])
      ON CONFLICT (signal_id) DO NOTHING
      """, logger: logger)
    let rows = try await connection.query(
      """
      UPDATE deliveries SET status = 'withdrawn', notice = NULL, signal_ids = '{}', finished_at = now()
      WHERE status = 'pending' AND signal_ids && \(signalIds)::uuid[]
      RETURNING event_id, recipient
      """, logger: logger)
    var withdrawn = 0
    for try await (eventId, recipient) in rows.decode((UUID, String).self) {
      withdrawn += 1
      logger.info(
        "Withdrew a queued e-mail: a signal it names was deleted",
        metadata: ["notice.event": "\(eventId)", "recipient": "\(recipient)"])
    }
    return withdrawn
  }

  /// Forgets withdrawals older than ``withdrawalMemory``; returns how many.
  @discardableResult
  func forgetOldWithdrawals() async throws -> Int {
    let seconds = Self.withdrawalMemory.inSeconds
    let rows = try await postgres.query(
      """
      DELETE FROM withdrawn_signals WHERE withdrawn_at < now() - make_interval(secs => \(seconds))
      RETURNING 1
      """, logger: logger)
    var forgotten = 0
    for try await _ in rows.decode(Int.self) { forgotten += 1 }
    return forgotten
  }
}
