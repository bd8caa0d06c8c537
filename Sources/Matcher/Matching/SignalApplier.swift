import Contract
import Foundation
import Logging
import PostgresNIO
import Registry
import Rules

/// Applies a batch of signal events inside the batch's transaction: stores, ends and deletes signals, makes
/// matches, and writes the notices to the outbox and the log book.
///
/// Consecutive registrations are applied together with set-based statements (`UNNEST` arrays: a handful of round
/// trips per batch, not per signal); lifecycle events between them are applied one by one, in their order, so a
/// register-then-end of one child in one batch has the same effect as in two batches. Every statement is
/// idempotent: a signal or match that exists is not made again, and match and notice ids are name-based.
struct SignalApplier {
  let connection: PostgresConnection
  let rules: MatchRules
  /// The registry as the Matcher knows it now: organisation types (regie) and municipalities.
  let registry: RegistrySnapshot
  let noticesTopic: String
  let logger: Logger

  /// Applies `events` in order and writes their notices and log rows.
  func apply(_ events: [SignalEvent]) async throws -> BatchEffects {
    var effects = BatchEffects()
    var run: [(SignalEvent, SignalRegistration)] = []
    for event in events {
      if case .registered(let registration) = event.change {
        run.append((event, registration))
        continue
      }
      try await register(run, into: &effects)
      run = []
      if let rekeying = event.rekeying {
        try await rename(rekeying, child: event.childPseudonym)
      }
      try await applyLifecycle(event, into: &effects)
    }
    try await register(run, into: &effects)
    try await write(effects)
    return effects
  }

  /// Writes the batch's notices to the outbox and its rows to the log book, one statement each.
  private func write(_ effects: BatchEffects) async throws {
    if !effects.notices.isEmpty {
      let payloads = try effects.notices.map { String(decoding: try EventCoding.encode($0), as: UTF8.self) }
      let keys = effects.notices.map { $0.match?.matchId.uuidString ?? $0.eventId.uuidString }
      try await connection.query(
        """
        INSERT INTO outbox (topic, key, payload)
        SELECT \(noticesTopic), k, convert_to(p, 'UTF8')
        FROM UNNEST(\(keys)::text[], \(payloads)::text[]) WITH ORDINALITY AS n(k, p, i) ORDER BY i
        """, logger: logger)
    }
    try await LogBook(logger: logger).write(effects.log, on: connection)
  }

  /// During a rotation of the pseudonym key: renames what is stored under the child's and parents' previous
  /// pseudonyms, so that signals from before the rotation match those after it.
  func rename(_ rekeying: Rekeying, child: Pseudonym) async throws {
    if rekeying.child != child {
      try await connection.query(
        """
        UPDATE signals SET child_pseudonym = \(child.value)
        WHERE child_pseudonym = \(rekeying.child.value)
          AND NOT EXISTS (
            SELECT 1 FROM signals s WHERE s.child_pseudonym = \(child.value)
              AND s.professional_id = signals.professional_id
              AND s.status = \(unescaped: SignalStatus.active.sqlLiteral))
        """, logger: logger)
      // The child row moves unless one under the new pseudonym exists already (then the old one merges into it).
      try await connection.query(
        """
        INSERT INTO children (child_pseudonym, initials, birth_date, gender, municipality, address_pseudonym,
          first_signalled_at, corrected_at)
        SELECT \(child.value), initials, birth_date, gender, municipality, address_pseudonym, first_signalled_at,
          corrected_at
        FROM children WHERE child_pseudonym = \(rekeying.child.value)
        ON CONFLICT DO NOTHING
        """, logger: logger)
      try await connection.query(
        """
        INSERT INTO child_parents (child_pseudonym, parent_pseudonym)
        SELECT \(child.value), parent_pseudonym FROM child_parents WHERE child_pseudonym = \(rekeying.child.value)
        ON CONFLICT DO NOTHING
        """, logger: logger)
      try await connection.query(
        "UPDATE log_book SET child_pseudonym = \(child.value) WHERE child_pseudonym = \(rekeying.child.value)",
        logger: logger)
      try await connection.query(
        "DELETE FROM children WHERE child_pseudonym = \(rekeying.child.value)", logger: logger)
    }
    let pairs = rekeying.parents.filter { $0.key != $0.value }
    guard !pairs.isEmpty else { return }
    try await connection.query(
      """
      INSERT INTO child_parents (child_pseudonym, parent_pseudonym)
      SELECT p.child_pseudonym, r.current
      FROM child_parents p
      JOIN UNNEST(\(pairs.map(\.key.value))::text[], \(pairs.map(\.value.value))::text[]) AS r(previous, current)
        ON p.parent_pseudonym = r.previous
      ON CONFLICT DO NOTHING
      """, logger: logger)
    try await connection.query(
      "DELETE FROM child_parents WHERE parent_pseudonym = ANY(\(pairs.map(\.key.value))::text[])", logger: logger)
  }
}
