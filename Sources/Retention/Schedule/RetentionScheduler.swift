import Foundation
import Logging
import PostgresNIO
import Shared

/// Decides what falls due at a date and emits it, recording each decision so that nothing is emitted twice.
///
/// Only one instance schedules at a time: the run holds a transaction-level advisory lock, and an instance that
/// cannot take it skips the run. The decisions are inserted and the events acknowledged by the broker before the
/// transaction commits; a crash in between rolls the decisions back, and the next run emits the same events (with
/// the same ids) again, which the Matcher applies idempotently.
struct RetentionScheduler: Sendable {
  /// "vire": the advisory lock id of the schedule.
  static let lockKey: Int64 = 0x7669_7265

  let postgres: PostgresClient
  let producer: KafkaProducer
  let signalsTopic: String
  let logger: Logger

  /// What a run found.
  struct Run: Sendable {
    var asOf: CalendarDate
    var items: [DueItem]
    var emitted: Bool
  }

  /// Evaluates the schedule at `asOf`; emits and records unless `dryRun`. `nil` when another instance holds the
  /// schedule lock.
  func run(asOf: CalendarDate, dryRun: Bool, now: Date = Date()) async throws -> Run? {
    try await postgres.withTransaction(logger: logger) { connection in
      if !dryRun {
        let locked =
          try await connection.query("SELECT pg_try_advisory_xact_lock(\(Self.lockKey))", logger: logger)
          .collect().first?.decode(Bool.self) ?? false
        guard locked else { return nil }
      }
      let items = try await due(asOf: asOf, connection)
      guard !dryRun, !items.isEmpty else { return Run(asOf: asOf, items: items, emitted: false) }
      try await connection.query(
        """
        INSERT INTO retention_decisions (signal_id, kind, due_on)
        SELECT * FROM UNNEST(\(items.map(\.signalId))::uuid[], \(items.map(\.kind.rawValue))::text[],
          \(items.map(\.dueOn.description))::date[])
        ON CONFLICT DO NOTHING
        """, logger: logger)
      try await producer.send(
        try items.map { item in
          let event = item.event(asOf: asOf, at: now)
          return KafkaProducerMessage(
            topic: signalsTopic, key: event.childPseudonym.value, value: try EventCoding.encode(event))
        })
      logger.info("Emitted lifecycle events", metadata: ["as-of": "\(asOf)", "count": "\(items.count)"])
      return Run(asOf: asOf, items: items, emitted: true)
    }
  }

  /// Everything due at `asOf` that was not decided before, oldest first.
  private func due(asOf: CalendarDate, _ connection: PostgresConnection) async throws -> [DueItem] {
    let rows = try await connection.query(
      """
      SELECT s.signal_id, s.child_pseudonym, s.ends_on::text FROM retention_signals s
      WHERE s.status = 'active' AND s.ends_on <= \(asOf.description)::date
        AND NOT EXISTS (
          SELECT 1 FROM retention_decisions d WHERE d.signal_id = s.signal_id AND d.kind = 'expiry')
      ORDER BY s.ends_on, s.signal_id
      """, logger: logger)
    var items: [DueItem] = []
    for try await (signalId, child, endsOn) in rows.decode((UUID, String, String).self) {
      items.append(
        DueItem(
          kind: .expiry, signalId: signalId, childPseudonym: Pseudonym(value: child), dueOn: CalendarDate(endsOn)!))
    }
    return items
  }
}
