import Contract
import Foundation
import KafkaClient
import PostgresNIO
import Rules
import ServiceKit

extension RetentionScheduler {
  /// Everything due at `asOf` that was not decided before, oldest first (then reminder, expiry, purge, erasure,
  /// then by subject): at most `limit` items, or all of them.
  ///
  /// - A reminder is due from `reminderDays` before the end date until the end date, while the signal is active
  ///   and its expiry was not decided. A reminder on or after the end date would announce the past: after downtime
  ///   the expiry takes its place.
  /// - An expiry is due from the end date while the signal is active.
  /// - A purge is due from five years after the archive day.
  /// - An erasure is due from the child's 23rd birthday (Europe/Amsterdam calendar; 29 February turns 23 on
  ///   1 March). It takes everything with it, so nothing about the child is due on or after that day.
  func due(asOf: CalendarDate, limit: Int?, _ connection: PostgresConnection) async throws -> [DueItem] {
    let day = asOf.description
    let rows = try await connection.query(
      """
      SELECT d.kind, d.signal_id, d.child_pseudonym, d.due_on, d.about FROM (
        SELECT 'reminder' AS kind, 0 AS rank, s.signal_id, s.child_pseudonym,
          s.ends_on - \(reminderDays)::int AS due_on, s.ends_on AS about
        FROM retention_signals s
        WHERE \(reminderDays)::int > 0 AND s.status = \(unescaped: SignalStatus.active.sqlLiteral)
          AND s.ends_on <= \(day)::date + \(reminderDays)::int AND s.ends_on > \(day)::date
          AND NOT EXISTS (
            SELECT 1 FROM retention_lifecycle_decisions x
            WHERE x.kind = 'expiry' AND x.subject = s.signal_id::text AND x.due_on = s.ends_on)
        UNION ALL
        SELECT 'expiry', 1, s.signal_id, s.child_pseudonym, s.ends_on, s.ends_on FROM retention_signals s
        WHERE s.status = \(unescaped: SignalStatus.active.sqlLiteral) AND s.ends_on <= \(day)::date
        UNION ALL
        SELECT 'purge', 2, s.signal_id, s.child_pseudonym, s.purge_on, s.archived_on FROM retention_signals s
        WHERE s.status = \(unescaped: SignalStatus.archived.sqlLiteral) AND s.purge_on <= \(day)::date
        UNION ALL
        SELECT 'erasure', 3, NULL::uuid, c.child_pseudonym, c.turns_23_on, c.birth_date FROM retention_children c
        WHERE c.turns_23_on <= \(day)::date
      ) d
      WHERE NOT EXISTS (
          SELECT 1 FROM retention_lifecycle_decisions x
          WHERE x.kind = d.kind AND x.subject = coalesce(d.signal_id::text, d.child_pseudonym) AND x.due_on = d.due_on)
        AND (d.kind = 'erasure' OR NOT EXISTS (
          SELECT 1 FROM retention_children c WHERE c.child_pseudonym = d.child_pseudonym AND c.turns_23_on <= d.due_on))
      ORDER BY d.due_on, d.rank, coalesce(d.signal_id::text, d.child_pseudonym)
      LIMIT \(limit)
      """, logger: logger)
    var items: [DueItem] = []
    for try await (kind, signalId, child, dueOn, about) in rows.decode(
      (DueItem.Kind, UUID?, String, CalendarDate, CalendarDate).self)
    {
      guard let item = Self.item(kind: kind, signalId: signalId, child: child, dueOn: dueOn, about: about) else {
        throw RetentionError.unreadableDueItem(kind: kind.rawValue, subject: signalId?.uuidString ?? child)
      }
      items.append(item)
    }
    return items
  }

  private static func item(
    kind: DueItem.Kind, signalId: UUID?, child: String, dueOn: CalendarDate, about: CalendarDate
  ) -> DueItem? {
    let what: DueItem.What
    switch (kind, signalId) {
    case (.reminder, .some(let signalId)): what = .reminder(signalId: signalId, endsOn: about)
    case (.expiry, .some(let signalId)): what = .expiry(signalId: signalId)
    case (.purge, .some(let signalId)): what = .purge(signalId: signalId, archivedOn: about)
    case (.erasure, .none): what = .erasure
    default: return nil
    }
    return DueItem(what: what, childPseudonym: Pseudonym(value: child), dueOn: dueOn)
  }
}
