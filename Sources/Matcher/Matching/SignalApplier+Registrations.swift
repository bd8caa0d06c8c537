import Contract
import Foundation
import KafkaClient
import PostgresNIO
import Rules

extension SignalApplier {
  /// Applies a run of consecutive registrations with set-based statements and makes their matches.
  ///
  /// A redelivered registration (same signal id) and a second signal by the same professional on the same child
  /// while the first is active (the partial unique index `signals_one_active`) insert nothing and change nothing.
  ///
  /// A registration for a child who is 23 today stores nothing: everything about the child must be gone by now.
  /// SignalIntake refuses such a child, so only a registration made on the day before the 23rd birthday that
  /// reaches the Matcher after Retention's erasure, or a Matcher far behind, gets here.
  func register(_ run: [(SignalEvent, SignalRegistration)], into effects: inout BatchEffects) async throws {
    let today = CalendarDate(Date())
    let run = run.filter { _, registration in
      guard registration.child.birthDate.age(on: today) >= Lifecycle.erasureAge else { return true }
      logger.warning(
        "Stored nothing for a registration: the child is 23 today, and everything about the child must be gone",
        metadata: ["signal": "\(registration.signalId)"])
      return false
    }
    guard !run.isEmpty else { return }
    for (event, _) in run {
      if let rekeying = event.rekeying {
        try await rename(rekeying, child: event.childPseudonym)
      }
    }
    let inserted = try await insertSignals(run)
    var seen = Set<UUID>()
    let fresh = run.filter { inserted.contains($0.1.signalId) && seen.insert($0.1.signalId).inserted }
    guard !fresh.isEmpty else { return }
    effects.signals += fresh.count
    for (event, registration) in fresh {
      effects.log.append(
        LogBookRow(
          at: registration.registeredAt, actor: registration.professionalId, action: .signalRegistered,
          childPseudonym: event.childPseudonym, signalId: registration.signalId,
          detail: LogBookDetail(organisationId: registration.organisationId)))
    }
    try await upsertChildren(fresh)
    let grown = try await insertParents(fresh)
    let ids = fresh.map(\.1.signalId)
    var pairs = try await childPairs(of: ids)
    pairs += try await familyPairs(of: ids, grownChildren: grown)
    if rules.matchAddress {
      pairs += try await addressPairs(of: ids)
    }
    try await makeMatches(pairs, into: &effects)
    try await showHistory(to: ids, into: &effects)
  }

  /// Inserts the signals; returns the ids actually inserted.
  private func insertSignals(_ run: [(SignalEvent, SignalRegistration)]) async throws -> Set<UUID> {
    let registrations = run.map(\.1)
    let organisations = registrations.map { registry.organisations[$0.organisationId] }
    let rows = try await connection.query(
      """
      INSERT INTO signals (signal_id, child_pseudonym, organisation_id, organisation_type, municipality,
        professional_id, reference, child_initials, child_birth_date, child_gender, informed, status, registered_at,
        ends_on)
      SELECT id, child, organisation, type, municipality, professional, NULLIF(reference, ''), initials,
        birth::date, gender, informed, \(unescaped: SignalStatus.active.sqlLiteral), to_timestamp(registered),
        ends::date
      FROM UNNEST(\(registrations.map(\.signalId))::uuid[], \(run.map(\.0.childPseudonym.value))::text[],
        \(registrations.map(\.organisationId))::text[], \(organisations.map { $0?.type ?? "" })::text[],
        \(organisations.map { $0?.municipality ?? "" })::text[], \(registrations.map(\.professionalId))::text[],
        \(registrations.map { $0.reference ?? "" })::text[], \(registrations.map(\.child.initials))::text[],
        \(registrations.map(\.child.birthDate.description))::text[], \(registrations.map(\.child.gender))::text[],
        \(registrations.map(\.informed.rawValue))::text[],
        \(registrations.map { $0.registeredAt.timeIntervalSince1970 })::float8[],
        \(registrations.map(\.endsOn.description))::text[])
        WITH ORDINALITY AS r(id, child, organisation, type, municipality, professional, reference, initials, birth,
          gender, informed, registered, ends, i)
      ORDER BY i
      ON CONFLICT DO NOTHING
      RETURNING signal_id
      """, logger: logger)
    var inserted = Set<UUID>()
    for try await id in rows.decode(UUID.self) {
      inserted.insert(id)
    }
    return inserted
  }

  /// Creates or refreshes the children: the latest registration describes the child, unless the region
  /// administrator corrected it; the municipality is the first signalling organisation's.
  private func upsertChildren(_ fresh: [(SignalEvent, SignalRegistration)]) async throws {
    var latest: [String: SignalRegistration] = [:]
    var order: [String] = []
    for (event, registration) in fresh {
      if latest.updateValue(registration, forKey: event.childPseudonym.value) == nil {
        order.append(event.childPseudonym.value)
      }
    }
    let registrations = order.map { latest[$0]! }
    try await connection.query(
      """
      INSERT INTO children (child_pseudonym, initials, birth_date, gender, municipality, address_pseudonym,
        first_signalled_at)
      SELECT child, initials, birth::date, gender, municipality, NULLIF(address, ''), to_timestamp(registered)
      FROM UNNEST(\(order)::text[], \(registrations.map(\.child.initials))::text[],
        \(registrations.map(\.child.birthDate.description))::text[], \(registrations.map(\.child.gender))::text[],
        \(registrations.map { registry.organisations[$0.organisationId]?.municipality ?? "" })::text[],
        \(registrations.map { $0.child.addressPseudonym?.value ?? "" })::text[],
        \(registrations.map { $0.registeredAt.timeIntervalSince1970 })::float8[])
        AS c(child, initials, birth, gender, municipality, address, registered)
      ON CONFLICT (child_pseudonym) DO UPDATE SET
        initials = CASE WHEN children.corrected_at IS NULL THEN EXCLUDED.initials ELSE children.initials END,
        birth_date = CASE WHEN children.corrected_at IS NULL THEN EXCLUDED.birth_date ELSE children.birth_date END,
        gender = CASE WHEN children.corrected_at IS NULL THEN EXCLUDED.gender ELSE children.gender END,
        municipality = CASE WHEN children.municipality = '' THEN EXCLUDED.municipality ELSE children.municipality END,
        address_pseudonym = COALESCE(EXCLUDED.address_pseudonym, children.address_pseudonym)
      """, logger: logger)
  }

  /// Links the children to the parents their registrations name; returns the children that gained a parent.
  private func insertParents(_ fresh: [(SignalEvent, SignalRegistration)]) async throws -> [String] {
    var children: [String] = []
    var parents: [String] = []
    for (event, registration) in fresh {
      for parent in registration.child.parentPseudonyms {
        children.append(event.childPseudonym.value)
        parents.append(parent.value)
      }
    }
    guard !children.isEmpty else { return [] }
    let rows = try await connection.query(
      """
      INSERT INTO child_parents (child_pseudonym, parent_pseudonym)
      SELECT * FROM UNNEST(\(children)::text[], \(parents)::text[])
      ON CONFLICT DO NOTHING
      RETURNING child_pseudonym
      """, logger: logger)
    var grown = Set<String>()
    for try await child in rows.decode(String.self) {
      grown.insert(child)
    }
    return Array(grown)
  }

  /// Child matches: the new signals with the other active signals on the same child.
  private func childPairs(of ids: [UUID]) async throws -> [CandidatePair] {
    try await pairs(
      .child,
      connection.query(
        """
        SELECT n.signal_id, o.signal_id FROM signals n
        JOIN signals o ON o.child_pseudonym = n.child_pseudonym AND o.signal_id <> n.signal_id
        WHERE n.signal_id = ANY(\(ids)::uuid[]) AND o.status = \(unescaped: SignalStatus.active.sqlLiteral)
          AND \(unescaped: rules.eligibility.sql("o", "n"))
        """, logger: logger))
  }

  /// Family matches: active signals on different children who share a parent. For a child that gained a parent
  /// all its active signals take part (it may now be known to be a sibling); otherwise only the new signals.
  private func familyPairs(of ids: [UUID], grownChildren: [String]) async throws -> [CandidatePair] {
    try await pairs(
      .family,
      connection.query(
        """
        WITH seeds AS (
          SELECT signal_id, child_pseudonym, professional_id, organisation_id FROM signals
          WHERE signal_id = ANY(\(ids)::uuid[])
          UNION
          SELECT signal_id, child_pseudonym, professional_id, organisation_id FROM signals
          WHERE child_pseudonym = ANY(\(grownChildren)::text[])
            AND status = \(unescaped: SignalStatus.active.sqlLiteral)
        )
        SELECT DISTINCT a.signal_id, b.signal_id
        FROM seeds a
        JOIN child_parents cp ON cp.child_pseudonym = a.child_pseudonym
        JOIN child_parents cq ON cq.parent_pseudonym = cp.parent_pseudonym AND cq.child_pseudonym <> cp.child_pseudonym
        JOIN signals b ON b.child_pseudonym = cq.child_pseudonym
        WHERE b.status = \(unescaped: SignalStatus.active.sqlLiteral) AND \(unescaped: rules.eligibility.sql("a", "b"))
        """, logger: logger))
  }

  /// Address matches: the new signals with active signals on other children at the same address.
  private func addressPairs(of ids: [UUID]) async throws -> [CandidatePair] {
    try await pairs(
      .address,
      connection.query(
        """
        SELECT n.signal_id, o.signal_id FROM signals n
        JOIN children nc ON nc.child_pseudonym = n.child_pseudonym
        JOIN children oc ON oc.address_pseudonym = nc.address_pseudonym AND oc.child_pseudonym <> nc.child_pseudonym
        JOIN signals o ON o.child_pseudonym = oc.child_pseudonym
        WHERE n.signal_id = ANY(\(ids)::uuid[]) AND nc.address_pseudonym IS NOT NULL
          AND o.status = \(unescaped: SignalStatus.active.sqlLiteral)
          AND \(unescaped: rules.eligibility.sql("o", "n"))
        """, logger: logger))
  }

  private func pairs(_ kind: MatchNotice.Kind, _ rows: PostgresRowSequence) async throws -> [CandidatePair] {
    var result: [CandidatePair] = []
    for try await (first, second) in rows.decode((UUID, UUID).self) {
      result.append(CandidatePair(kind: kind, first, second))
    }
    return result
  }
}
