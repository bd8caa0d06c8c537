import Foundation
import Logging
import NIOCore
import PostgresNIO
import Shared

/// Applies signal events inside the batch's transaction: stores and ends signals, makes matches, and writes match
/// events to the outbox. Every statement is idempotent, so an event applied twice changes nothing the second time.
struct SignalApplier {
  let connection: PostgresConnection
  let rules: MatchRules
  let matchesTopic: String
  let logger: Logger

  /// Takes a transaction-level advisory lock per parent pseudonym in the batch, in ascending lock-key order.
  ///
  /// Siblings have different pseudonyms, so their signals can land on different partitions and be applied by two
  /// instances at the same moment; each transaction would then miss the other's uncommitted signal and no family
  /// match would be made. With the lock, the second transaction waits until the first commits, and its family
  /// query (a new statement under READ COMMITTED) then sees the first signal. Taking the locks in one fixed order
  /// (after the offset rows, which every batch locks first, also in order) rules out deadlocks.
  func lockFamilies(of events: [SignalEvent]) async throws {
    let parents = Set(events.compactMap(\.registered).flatMap(\.child.parentPseudonyms).map(\.value))
    guard !parents.isEmpty else { return }
    try await connection.query(
      """
      SELECT pg_advisory_xact_lock(k) FROM (
        SELECT DISTINCT hashtextextended(p, 0) AS k FROM UNNEST(\(Array(parents))::text[]) AS p
      ) AS keys ORDER BY k
      """, logger: logger)
  }

  /// Applies one event; returns the number of matches it made.
  func apply(_ event: SignalEvent) async throws -> Int {
    if let rekeying = event.rekeying {
      try await rename(rekeying, child: event.childPseudonym)
    }
    switch event.type {
    case .registered:
      guard let registration = event.registered else { return 0 }
      return try await register(registration, child: event.childPseudonym)
    case .ended:
      guard let ending = event.ended else { return 0 }
      try await end(ending, child: event.childPseudonym, at: event.occurredAt)
      return 0
    case .expired:
      guard let expiry = event.expired else { return 0 }
      try await archive(signalId: expiry.signalId, at: event.occurredAt)
      return 0
    case .expiryReminder, .purged, .childErased, .childCorrected:
      return 0
    }
  }

  /// During a rotation of the pseudonym key: renames what is stored under the child's and parents' previous
  /// pseudonyms, so that signals from before the rotation match those after it.
  private func rename(_ rekeying: Rekeying, child: Pseudonym) async throws {
    if rekeying.child != child {
      try await connection.query(
        """
        UPDATE signals SET child_pseudonym = \(child.value)
        WHERE child_pseudonym = \(rekeying.child.value)
          AND NOT EXISTS (
            SELECT 1 FROM signals s WHERE s.child_pseudonym = \(child.value)
              AND s.professional_id = signals.professional_id AND s.status = 'active')
        """, logger: logger)
    }
    let pairs = rekeying.parents.filter { $0.key != $0.value }
    guard !pairs.isEmpty else { return }
    try await connection.query(
      """
      UPDATE child_parents p SET parent_pseudonym = r.current
      FROM UNNEST(\(pairs.map(\.key.value))::text[], \(pairs.map(\.value.value))::text[]) AS r(previous, current)
      WHERE p.parent_pseudonym = r.previous
      """, logger: logger)
  }

  private func register(_ registration: SignalRegistration, child: Pseudonym) async throws -> Int {
    // A redelivered event (same signal id) or a second signal by the same professional on the same child while the
    // first is active (the partial unique index) inserts nothing and changes nothing.
    let inserted = try await connection.query(
      """
      INSERT INTO signals (signal_id, child_pseudonym, organisation_id, professional_id, reference, child_initials,
        child_birth_date, child_gender, status, registered_at, ends_on)
      VALUES (\(registration.signalId), \(child.value), \(registration.organisationId),
        \(registration.professionalId), \(registration.reference), \(registration.child.initials),
        \(registration.child.birthDate.description)::date, \(registration.child.gender), 'active',
        \(registration.registeredAt), \(registration.endsOn.description)::date)
      ON CONFLICT DO NOTHING
      RETURNING signal_id
      """, logger: logger
    ).collect()
    guard !inserted.isEmpty else { return 0 }
    try await connection.query(
      """
      INSERT INTO children (child_pseudonym, initials, birth_date, gender, municipality, first_signalled_at)
      VALUES (\(child.value), \(registration.child.initials), \(registration.child.birthDate.description)::date,
        \(registration.child.gender), '', \(registration.registeredAt))
      ON CONFLICT (child_pseudonym) DO UPDATE SET initials = EXCLUDED.initials
      """, logger: logger)
    let parents = registration.child.parentPseudonyms.map(\.value)
    if !parents.isEmpty {
      try await connection.query(
        """
        INSERT INTO child_parents (child_pseudonym, parent_pseudonym)
        SELECT \(child.value), p FROM UNNEST(\(parents)::text[]) AS p ON CONFLICT DO NOTHING
        """, logger: logger)
    }
    let me = StoredSignal(
      signalId: registration.signalId, organisationId: registration.organisationId,
      professionalId: registration.professionalId, reference: registration.reference,
      childInitials: registration.child.initials, childBirthDate: registration.child.birthDate,
      registeredAt: registration.registeredAt)
    var made = 0
    for other in try await childCandidates(of: me, child: child) {
      made += try await match(me, other, kind: .child, at: registration.registeredAt) ? 1 : 0
    }
    if !parents.isEmpty {
      for other in try await familyCandidates(of: me, child: child, parents: parents) {
        made += try await match(me, other, kind: .family, at: registration.registeredAt) ? 1 : 0
      }
    }
    return made
  }

  /// Active signals of other professionals on the same child (of other organisations, unless configured).
  private func childCandidates(of me: StoredSignal, child: Pseudonym) async throws -> [StoredSignal] {
    try await signals(
      connection.query(
        """
        SELECT signal_id, organisation_id, professional_id, reference, child_initials, child_birth_date::text,
          registered_at
        FROM signals
        WHERE child_pseudonym = \(child.value) AND status = 'active' AND signal_id <> \(me.signalId)
          AND professional_id <> \(me.professionalId)
          AND (\(rules.matchSameOrganisation) OR organisation_id <> \(me.organisationId))
        ORDER BY registered_at, signal_id
        """, logger: logger))
  }

  /// Active signals of other professionals on other children who share a parent with this one.
  private func familyCandidates(
    of me: StoredSignal, child: Pseudonym, parents: [String]
  ) async throws -> [StoredSignal] {
    try await signals(
      connection.query(
        """
        SELECT DISTINCT s.signal_id, s.organisation_id, s.professional_id, s.reference, s.child_initials,
          s.child_birth_date::text, s.registered_at
        FROM signals s JOIN child_parents p ON p.child_pseudonym = s.child_pseudonym
        WHERE p.parent_pseudonym = ANY(\(parents)::text[]) AND s.status = 'active'
          AND s.child_pseudonym <> \(child.value) AND s.professional_id <> \(me.professionalId)
          AND (\(rules.matchSameOrganisation) OR s.organisation_id <> \(me.organisationId))
        ORDER BY s.registered_at, s.signal_id
        """, logger: logger))
  }

  private func signals(_ rows: PostgresRowSequence) async throws -> [StoredSignal] {
    var result: [StoredSignal] = []
    for try await (id, organisation, professional, reference, initials, birthDate, registeredAt) in rows.decode(
      (UUID, String, String, String?, String, String, Date).self)
    {
      result.append(
        StoredSignal(
          signalId: id, organisationId: organisation, professionalId: professional, reference: reference,
          childInitials: initials, childBirthDate: CalendarDate(birthDate)!, registeredAt: registeredAt))
    }
    return result
  }

  /// Records the match of two signals once, and its event in the outbox. The earlier signaller has regie.
  private func match(_ me: StoredSignal, _ other: StoredSignal, kind: MatchNotice.Kind, at: Date) async throws -> Bool {
    let (a, b) = me.signalId.uuidString < other.signalId.uuidString ? (me, other) : (other, me)
    // Name-based ids: the same two signals always make the same match and match event, so a match made again
    // (events replayed after a database restore) is recognised by the Notifier, which e-mails nobody twice.
    let matchId = StableID.make("match", a.signalId.uuidString, b.signalId.uuidString)
    let inserted = try await connection.query(
      """
      INSERT INTO matches (match_id, kind, signal_a, signal_b, created_at)
      VALUES (\(matchId), \(kind.rawValue), \(a.signalId), \(b.signalId), \(at))
      ON CONFLICT DO NOTHING RETURNING match_id
      """, logger: logger
    ).collect()
    guard !inserted.isEmpty else { return false }
    let first = other.registeredAt <= me.registeredAt ? other : me
    let event = NoticeEvent(
      eventId: StableID.make("match-event", matchId.uuidString), type: .match, occurredAt: at,
      match: MatchNotice(
        matchId: matchId, kind: kind, parties: [other.party, me.party],
        regie: RegieHolder(organisationId: first.organisationId, professionalId: first.professionalId),
        municipalityCodes: []))
    try await connection.query(
      """
      INSERT INTO outbox (topic, key, payload)
      VALUES (\(matchesTopic), \(matchId.uuidString), \(ByteBuffer(bytes: try EventCoding.encode(event))))
      """, logger: logger)
    return true
  }

  private func end(_ ending: SignalEnding, child: Pseudonym, at: Date) async throws {
    let rows = try await connection.query(
      """
      SELECT signal_id FROM signals
      WHERE child_pseudonym = \(child.value) AND professional_id = \(ending.professionalId) AND status = 'active'
      """, logger: logger
    ).collect()
    guard let signalId = try rows.first?.decode(UUID.self) else { return }
    switch ending.reason {
    case .riskEnded:
      try await archive(signalId: signalId, at: at)
    case .unjustified:
      // Deleted, not archived; its matches go with it (ON DELETE CASCADE).
      try await connection.query("DELETE FROM signals WHERE signal_id = \(signalId)", logger: logger)
    }
  }

  /// Archives an active signal and ends its matches.
  private func archive(signalId: UUID, at: Date) async throws {
    try await connection.query(
      """
      UPDATE signals SET status = 'archived', archived_at = \(at)
      WHERE signal_id = \(signalId) AND status = 'active'
      """, logger: logger)
    try await connection.query(
      """
      UPDATE matches SET ended_at = \(at)
      WHERE (signal_a = \(signalId) OR signal_b = \(signalId)) AND ended_at IS NULL
      """, logger: logger)
  }
}
