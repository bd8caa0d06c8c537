import Contract
import Foundation
import PostgresNIO
import Rules

extension SignalApplier {
  /// Records each pair's match once, with who has regie, updates regie around the children concerned, and queues a
  /// notice per new match.
  ///
  /// Regie is decided before the matches are written, counting the child pairs as running matches, so that each
  /// match row is written once, with its holder (an UPDATE after the INSERT wrote every row twice).
  ///
  /// Match ids are name-based: the same two signals always make the same match and notice, so a match made again
  /// (events replayed after a database restore) is recognised by the Notifier, which e-mails nobody twice.
  func makeMatches(_ candidates: [CandidatePair], into effects: inout BatchEffects) async throws {
    // A pair can be found as a family and as an address match: it is made once, as the kind that takes precedence,
    // in the place it was first found.
    var pairs: [CandidatePair] = []
    var found: [[UUID]: Int] = [:]
    for candidate in candidates {
      if let index = found[candidate.signals] {
        pairs[index].kind = MatchNotice.Kind(pairs[index].kind.rule.winning(over: candidate.kind.rule))
      } else {
        found[candidate.signals] = pairs.count
        pairs.append(candidate)
      }
    }
    guard !pairs.isEmpty else { return }
    let signals = try await storedSignals(Set(pairs.flatMap(\.signals)))
    let childPairs = pairs.filter { $0.kind == .child }
    let childRegie = try await updateRegie(
      children: Set(childPairs.compactMap { signals[$0.a]?.childPseudonym }),
      matchedAlso: Set(childPairs.flatMap(\.signals)),
      at: signals.values.map(\.registeredAt).max() ?? Date(), into: &effects)
    let holders = pairs.map { pair -> RegieHolder? in
      guard let a = signals[pair.a], let b = signals[pair.b] else { return nil }
      return pair.kind == .child ? childRegie[a.childPseudonym] ?? regie(between: a, b) : regie(between: a, b)
    }
    let ids = pairs.map { StableID.make("match", $0.a.uuidString, $0.b.uuidString) }
    let rows = try await connection.query(
      """
      INSERT INTO matches (match_id, kind, signal_a, signal_b, created_at, regie_organisation_id,
        regie_professional_id)
      SELECT p.id, p.kind, p.a, p.b, greatest(sa.registered_at, sb.registered_at), NULLIF(p.organisation, ''),
        NULLIF(p.professional, '')
      FROM UNNEST(\(ids)::uuid[], \(pairs.map(\.kind.rawValue))::text[], \(pairs.map(\.a))::uuid[],
        \(pairs.map(\.b))::uuid[], \(holders.map { $0?.organisationId ?? "" })::text[],
        \(holders.map { $0?.professionalId ?? "" })::text[])
        WITH ORDINALITY AS p(id, kind, a, b, organisation, professional, i)
      JOIN signals sa ON sa.signal_id = p.a
      JOIN signals sb ON sb.signal_id = p.b
      ORDER BY p.i
      ON CONFLICT DO NOTHING
      RETURNING match_id
      """, logger: logger)
    var made = Set<UUID>()
    for try await id in rows.decode(UUID.self) {
      made.insert(id)
    }
    for ((matchId, pair), holder) in zip(zip(ids, pairs), holders) where made.contains(matchId) {
      guard let a = signals[pair.a], let b = signals[pair.b], let holder else { continue }
      let (first, second) = a.registeredAt <= b.registeredAt ? (a, b) : (b, a)
      // The municipality stored with the signal, or the registry's now if the organisation was not known then.
      let municipalities = Set(
        [a, b].map {
          $0.municipality.isEmpty ? registry.organisations[$0.organisationId]?.municipality ?? "" : $0.municipality
        }
      ).filter { !$0.isEmpty }.sorted()
      let at = second.registeredAt
      effects.notices.append(
        NoticeEvent(
          eventId: StableID.make("match-event", matchId.uuidString), occurredAt: at,
          content: .match(
            MatchNotice(
              matchId: matchId, kind: pair.kind, parties: [first.party, second.party], regie: holder,
              municipalityCodes: municipalities))))
      effects.log.append(
        LogBookRow(
          at: at, actor: "matcher", action: .matchMade, childPseudonym: Pseudonym(value: second.childPseudonym),
          signalId: second.signalId, matchId: matchId,
          detail: LogBookDetail(kind: pair.kind, otherSignalId: first.signalId)))
      effects.matches += 1
    }
  }

  /// Regie between the two signals of a family or address match (``RegieRanking``).
  func regie(between a: StoredSignal, _ b: StoredSignal) -> RegieHolder {
    let lead = rules.regieRanking.holder(among: [a, b], \.regieCandidate)!
    return RegieHolder(organisationId: lead.organisationId, professionalId: lead.professionalId)
  }

  /// The stored signals with these ids, by id.
  func storedSignals(_ ids: Set<UUID>) async throws -> [UUID: StoredSignal] {
    let rows = try await connection.query(
      "SELECT \(unescaped: StoredSignal.columns) FROM signals WHERE signal_id = ANY(\(Array(ids))::uuid[])",
      logger: logger)
    return Dictionary(uniqueKeysWithValues: try await StoredSignal.read(rows).map { ($0.signalId, $0) })
  }
}
