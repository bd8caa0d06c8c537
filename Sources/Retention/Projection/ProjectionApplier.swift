import Contract
import Foundation
import Logging
import PostgresNIO
import Rules

/// Applies one signal event to Retention's projection, inside the caller's transaction.
///
/// A signal row goes through: registered → `active`; ended with risk ended → `archived` on the event's day
/// (Europe/Amsterdam); expired → `archived` on the expiry's as-of day (the day Retention emitted it, the same day the
/// Matcher archives it); ended as unjustified, purged, or its child erased → no row. A child row holds the birth
/// date of the latest registration or correction, and so the 23rd birthday; an erased child's row goes.
///
/// Every change is guarded by the state it expects, so an event applied again, or one that comes after the row has
/// moved on (Retention's own expiry after the professional's ending, anything after an erasure), changes nothing.
/// A child whose erasure at 23 Retention decided is never made again: a registration or correction for it, however
/// late, is ignored, so the child gets no further events.
struct ProjectionApplier {
  let connection: PostgresConnection
  let logger: Logger

  /// Applies `event`.
  func apply(_ event: SignalEvent) async throws {
    let child = event.childPseudonym.value
    if let previous = event.rekeying?.child, previous != event.childPseudonym {
      try await rename(child: previous.value, to: child)
    }
    switch event.change {
    case .registered(let signal):
      try await register(signal, child: child)
    case .ended(let ending):
      try await end(ending, child: child, on: CalendarDate(event.occurredAt))
    case .expired(let expiry):
      try await archive(signalId: expiry.signalId, on: expiry.asOf)
    case .purged(let purge):
      try await connection.query("DELETE FROM retention_signals WHERE signal_id = \(purge.signalId)", logger: logger)
    case .childErased:
      try await connection.query("DELETE FROM retention_signals WHERE child_pseudonym = \(child)", logger: logger)
      try await connection.query("DELETE FROM retention_children WHERE child_pseudonym = \(child)", logger: logger)
    case .childCorrected(let correction):
      try await connection.query(
        """
        UPDATE retention_children SET birth_date = \(correction.birthDate.description)::date,
          turns_23_on = \(correction.birthDate.adding(years: Lifecycle.erasureAge).description)::date
        WHERE child_pseudonym = \(child) AND NOT EXISTS (
          SELECT 1 FROM retention_lifecycle_decisions WHERE kind = 'erasure' AND subject = \(child))
        """, logger: logger)
    case .expiryReminder:
      return
    }
  }

  private func register(_ signal: SignalRegistration, child: String) async throws {
    let birth = signal.child.birthDate
    try await connection.query(
      """
      INSERT INTO retention_children (child_pseudonym, birth_date, turns_23_on)
      SELECT \(child), \(birth.description)::date, \(birth.adding(years: Lifecycle.erasureAge).description)::date
      WHERE NOT EXISTS (
          SELECT 1 FROM retention_lifecycle_decisions WHERE kind = 'erasure' AND subject = \(child))
      ON CONFLICT (child_pseudonym) DO UPDATE SET birth_date = excluded.birth_date, turns_23_on = excluded.turns_23_on
      """, logger: logger)
    try await connection.query(
      """
      INSERT INTO retention_signals (signal_id, child_pseudonym, professional_id, status, registered_at, ends_on)
      SELECT \(signal.signalId), \(child), \(signal.professionalId), \(unescaped: SignalStatus.active.sqlLiteral),
        \(signal.registeredAt),
        \(signal.endsOn.description)::date
      WHERE NOT EXISTS (
          SELECT 1 FROM retention_lifecycle_decisions WHERE kind = 'erasure' AND subject = \(child))
        AND NOT EXISTS (
          SELECT 1 FROM retention_signals WHERE child_pseudonym = \(child)
            AND professional_id = \(signal.professionalId) AND status = \(unescaped: SignalStatus.active.sqlLiteral))
      ON CONFLICT DO NOTHING
      """, logger: logger)
  }

  private func end(_ ending: SignalEnding, child: String, on day: CalendarDate) async throws {
    switch ending.reason {
    case .riskEnded:
      try await connection.query(
        """
        UPDATE retention_signals SET status = \(unescaped: SignalStatus.archived.sqlLiteral),
          archived_on = \(day.description)::date,
          purge_on = \(day.adding(years: Lifecycle.archivedYears).description)::date
        WHERE child_pseudonym = \(child) AND professional_id = \(ending.professionalId)
          AND status = \(unescaped: SignalStatus.active.sqlLiteral)
        """, logger: logger)
    case .unjustified:
      try await connection.query(
        """
        DELETE FROM retention_signals
        WHERE child_pseudonym = \(child) AND professional_id = \(ending.professionalId)
          AND status = \(unescaped: SignalStatus.active.sqlLiteral)
        """, logger: logger)
    }
  }

  private func archive(signalId: UUID, on day: CalendarDate) async throws {
    try await connection.query(
      """
      UPDATE retention_signals SET status = \(unescaped: SignalStatus.archived.sqlLiteral),
        archived_on = \(day.description)::date,
        purge_on = \(day.adding(years: Lifecycle.archivedYears).description)::date
      WHERE signal_id = \(signalId) AND status = \(unescaped: SignalStatus.active.sqlLiteral)
      """, logger: logger)
  }

  /// A rotation of the pseudonym key: what was stored under the previous pseudonym now comes under the current one.
  private func rename(child previous: String, to current: String) async throws {
    try await connection.query(
      "UPDATE retention_signals SET child_pseudonym = \(current) WHERE child_pseudonym = \(previous)", logger: logger)
    try await connection.query(
      """
      UPDATE retention_children SET child_pseudonym = \(current)
      WHERE child_pseudonym = \(previous)
        AND NOT EXISTS (SELECT 1 FROM retention_children WHERE child_pseudonym = \(current))
      """, logger: logger)
    try await connection.query(
      "DELETE FROM retention_children WHERE child_pseudonym = \(previous)", logger: logger)
    try await connection.query(
      """
      UPDATE retention_lifecycle_decisions SET subject = \(current)
      WHERE kind = 'erasure' AND subject = \(previous)
        AND NOT EXISTS (
          SELECT 1 FROM retention_lifecycle_decisions WHERE kind = 'erasure' AND subject = \(current))
      """, logger: logger)
  }
}
