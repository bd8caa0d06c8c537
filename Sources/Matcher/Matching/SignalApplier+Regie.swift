import Contract
import Foundation
import PostgresNIO
import Rules

extension SignalApplier {
  /// Decides who has regie around each of `children` and returns the holders.
  ///
  /// Around a child, regie goes to the active signal with a running child match whose organisation type the
  /// region ranks first (`VI_REGIE_ORDER`), then to the first signaller. When it moves from one professional to
  /// another (a higher-ranked organisation signalled, or the holder's signal ended), every professional with a
  /// matched signal on the child is told, once per move. Signals in `matchedAlso` count as having a running child
  /// match: the batch's new child matches, decided before they are written.
  @discardableResult
  func updateRegie(
    children: Set<String>, matchedAlso: Set<UUID> = [], at: Date, into effects: inout BatchEffects
  ) async throws -> [String: RegieHolder] {
    guard !children.isEmpty else { return [:] }
    let list = Array(children)
    let rows = try await connection.query(
      """
      SELECT \(unescaped: StoredSignal.columns) FROM signals s
      WHERE s.child_pseudonym = ANY(\(list)::text[]) AND s.status = \(unescaped: SignalStatus.active.sqlLiteral)
        AND (
          s.signal_id = ANY(\(Array(matchedAlso))::uuid[])
          OR EXISTS (
            SELECT 1 FROM matches m
            WHERE m.signal_a = s.signal_id AND m.kind = \(unescaped: MatchKind.child.sqlLiteral)
              AND m.ended_at IS NULL)
          OR EXISTS (
            SELECT 1 FROM matches m
            WHERE m.signal_b = s.signal_id AND m.kind = \(unescaped: MatchKind.child.sqlLiteral)
              AND m.ended_at IS NULL))
      ORDER BY s.child_pseudonym, \(unescaped: rules.regieRanking.sqlOrder("s"))
      """, logger: logger)
    var around: [String: [StoredSignal]] = [:]
    for signal in try await StoredSignal.read(rows) {
      around[signal.childPseudonym, default: []].append(signal)
    }
    var previous: [String: UUID] = [:]
    let stored = try await connection.query(
      "SELECT child_pseudonym, signal_id FROM child_regie WHERE child_pseudonym = ANY(\(list)::text[])",
      logger: logger)
    for try await (child, signal) in stored.decode((String, UUID).self) {
      previous[child] = signal
    }
    var holders: [String: RegieHolder] = [:]
    var leads: [StoredSignal] = []
    for child in list.sorted() {
      guard let signals = around[child], let lead = signals.first else { continue }
      let holder = RegieHolder(organisationId: lead.organisationId, professionalId: lead.professionalId)
      holders[child] = holder
      leads.append(lead)
      if let before = previous[child], before != lead.signalId {
        effects.notices.append(
          NoticeEvent(
            eventId: StableID.make("regie-notice", child, before.uuidString, lead.signalId.uuidString),
            occurredAt: at, content: .regie(RegieNotice(recipients: signals.map(\.party), holder: holder))))
        effects.log.append(
          LogBookRow(
            at: at, actor: "matcher", action: .regieMoved, childPseudonym: Pseudonym(value: child),
            signalId: lead.signalId,
            detail: LogBookDetail(organisationId: lead.organisationId)))
      }
    }
    try await connection.query(
      """
      DELETE FROM child_regie WHERE child_pseudonym = ANY(\(list)::text[])
        AND NOT (child_pseudonym = ANY(\(leads.map(\.childPseudonym))::text[]))
      """, logger: logger)
    guard !leads.isEmpty else { return holders }
    try await connection.query(
      """
      INSERT INTO child_regie (child_pseudonym, signal_id, organisation_id, professional_id)
      SELECT * FROM UNNEST(\(leads.map(\.childPseudonym))::text[], \(leads.map(\.signalId))::uuid[],
        \(leads.map(\.organisationId))::text[], \(leads.map(\.professionalId))::text[])
      ON CONFLICT (child_pseudonym) DO UPDATE SET signal_id = EXCLUDED.signal_id,
        organisation_id = EXCLUDED.organisation_id, professional_id = EXCLUDED.professional_id
      """, logger: logger)
    return holders
  }
}
