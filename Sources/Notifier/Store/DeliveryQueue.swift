import Contract
import Foundation
import Logging
import PostgresNIO
import ServiceKit

/// The Notifier's delivery queue in PostgreSQL: one row per (event, recipient), which stays once finished so that a
/// redelivered event queues nothing twice.
///
/// Rows are taken one at a time, due first, with `FOR UPDATE SKIP LOCKED`, and the row stays locked while its e-mail
/// is sent; the outcome is written in the same transaction. So several Notifier instances never send one row twice,
/// and a crash after the SMTP server accepted an e-mail but before the commit sends that one e-mail again after the
/// restart: at worst one duplicate per crash, never a lost e-mail.
struct DeliveryQueue: Sendable {
  let postgres: PostgresClient
  let logger: Logger

  /// Queues `deliveries` of `event`; rows that already exist (a redelivered event) stay as they are. A withdrawal
  /// among the events first withdraws the pending rows that name its signals, and no row is queued that names a
  /// withdrawn signal, whichever came first. Returns how many rows are new and how many were withdrawn.
  @discardableResult
  func enqueue(
    _ items: [(event: NoticeEvent, deliveries: [PlannedDelivery])]
  ) async throws -> (queued: Int, withdrawn: Int) {
    let withdrawals = items.flatMap { item -> [UUID] in
      guard case .withdrawn(let withdrawal) = item.event.content else { return [] }
      return withdrawal.signalIds
    }
    var eventIds: [UUID] = []
    var recipients: [String] = []
    var kinds: [String] = []
    var notices: [String] = []
    var signals: [String] = []
    for (event, deliveries) in items {
      let notice = String(decoding: try EventCoding.encode(event), as: UTF8.self)
      let named = "{" + event.signalIds.map(\.uuidString).joined(separator: ",") + "}"
      for delivery in deliveries {
        eventIds.append(event.eventId)
        recipients.append(delivery.recipient.key)
        kinds.append(delivery.kind.rawValue)
        notices.append(notice)
        signals.append(named)
      }
    }
    guard !eventIds.isEmpty || !withdrawals.isEmpty else { return (0, 0) }
    return try await postgres.withTransaction(logger: logger) { connection in
      try await Self.lockAgainstWithdrawals(exclusive: !withdrawals.isEmpty, on: connection, logger: logger)
      let withdrawn = try await withdraw(withdrawals, on: connection)
      guard !eventIds.isEmpty else { return (0, withdrawn) }
      let rows = try await connection.query(
        """
        INSERT INTO deliveries (event_id, recipient, kind, notice, signal_ids)
        SELECT event_id, recipient, kind, notice, signals::uuid[]
        FROM UNNEST(\(eventIds)::uuid[], \(recipients)::text[], \(kinds)::text[], \(notices)::jsonb[],
          \(signals)::text[]) AS d(event_id, recipient, kind, notice, signals)
        WHERE NOT EXISTS (SELECT 1 FROM withdrawn_signals w WHERE w.signal_id = ANY(signals::uuid[]))
        ON CONFLICT (event_id, recipient) DO NOTHING
        RETURNING 1
        """, logger: logger)
      var inserted = 0
      for try await _ in rows.decode(Int.self) { inserted += 1 }
      return (inserted, withdrawn)
    }
  }

  /// Takes the most overdue pending row, if any, lets `attempt` send it while the row stays locked, and records the
  /// outcome in the same transaction. Returns the outcome, or `nil` when nothing is due.
  func sendNextDue(
    _ attempt: (PendingDelivery) async -> DeliveryOutcome
  ) async throws -> (PendingDelivery, DeliveryOutcome)? {
    try await postgres.withTransaction(logger: logger) { connection in
      let rows = try await connection.query(
        """
        SELECT event_id, recipient, kind, notice::text, attempts, enqueued_at FROM deliveries
        WHERE status = 'pending' AND due_at <= now()
        ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED
        """, logger: logger)
      var pending: PendingDelivery?
      for try await (eventId, recipient, kind, notice, attempts, enqueuedAt) in rows.decode(
        (UUID, String, String, String?, Int, Date).self)
      {
        pending = PendingDelivery(
          eventId: eventId, recipientKey: recipient, recipient: Recipient(key: recipient), kindName: kind,
          kind: MailKind(rawValue: kind),
          notice: notice.flatMap { try? EventCoding.decode(NoticeEvent.self, from: Array($0.utf8)) },
          attempts: attempts, enqueuedAt: enqueuedAt)
      }
      guard let pending else { return nil }
      let outcome = await attempt(pending)
      try await record(outcome, of: pending, on: connection)
      return (pending, outcome)
    }
  }

  private func record(
    _ outcome: DeliveryOutcome, of row: PendingDelivery, on connection: PostgresConnection
  )
    async throws
  {
    let key = (row.eventId, row.recipientKey)
    switch outcome {
    case .sent:
      try await connection.query(
        """
        UPDATE deliveries SET status = 'sent', notice = NULL, signal_ids = '{}', attempts = attempts + 1,
          finished_at = now(), last_error = NULL
        WHERE event_id = \(key.0) AND recipient = \(key.1)
        """, logger: logger)
    case .retry(let delay, let reason):
      let seconds = delay.inSeconds
      try await connection.query(
        """
        UPDATE deliveries SET attempts = attempts + 1, last_error = \(reason),
          due_at = now() + make_interval(secs => \(seconds))
        WHERE event_id = \(key.0) AND recipient = \(key.1)
        """, logger: logger)
    case .postpone(let reason):
      try await connection.query(
        """
        UPDATE deliveries SET attempts = attempts + 1, last_error = \(reason)
        WHERE event_id = \(key.0) AND recipient = \(key.1)
        """, logger: logger)
    case .failed(let reason):
      try await connection.query(
        """
        UPDATE deliveries SET status = 'failed', notice = NULL, signal_ids = '{}', attempts = attempts + 1,
          finished_at = now(), last_error = \(reason), failure_published = false
        WHERE event_id = \(key.0) AND recipient = \(key.1)
        """, logger: logger)
    }
  }

  /// Takes up to `limit` failed rows not yet published, lets `publish` publish them, and marks them published in
  /// the same transaction. If `publish` throws nothing is marked, and they are taken again later. Returns how many
  /// were published.
  func publishFailures(limit: Int, _ publish: ([NotificationFailure]) async throws -> Void) async throws -> Int {
    try await postgres.withTransaction(logger: logger) { connection in
      let rows = try await connection.query(
        """
        SELECT event_id, recipient, kind, coalesce(last_error, ''), finished_at FROM deliveries
        WHERE status = 'failed' AND NOT failure_published
        ORDER BY finished_at LIMIT \(limit) FOR UPDATE SKIP LOCKED
        """, logger: logger)
      var failures: [NotificationFailure] = []
      for try await (eventId, recipient, kind, reason, failedAt) in rows.decode(
        (UUID, String, String, String, Date).self)
      {
        failures.append(
          NotificationFailure(eventId: eventId, recipient: recipient, kind: kind, reason: reason, failedAt: failedAt))
      }
      guard !failures.isEmpty else { return 0 }
      try await publish(failures)
      try await connection.query(
        """
        UPDATE deliveries SET failure_published = true
        FROM UNNEST(\(failures.map(\.eventId))::uuid[], \(failures.map(\.recipient))::text[]) AS f(event_id, recipient)
        WHERE deliveries.event_id = f.event_id AND deliveries.recipient = f.recipient
        """, logger: logger)
      return failures.count
    }
  }

  /// How many e-mails wait, and how long the oldest has waited since its event was read (0 when none).
  func backlog() async throws -> (pending: Int, oldestAge: Double) {
    let rows = try await postgres.query(
      """
      SELECT count(*)::int, coalesce(extract(epoch FROM now() - min(enqueued_at)), 0)::float8
      FROM deliveries WHERE status = 'pending'
      """, logger: logger)
    for try await (pending, age) in rows.decode((Int, Double).self) { return (pending, age) }
    return (0, 0)
  }
}
