import Contract
import Foundation
import Logging
import PostgresNIO
import Registry
import Rules
import ServiceKit

/// Reads everything stored about one child, on one connection (call it in a repeatable-read transaction, so that
/// the parts agree with each other).
struct ChildInspectionReader: Sendable {
  let logBook: LogBook
  let logger: Logger

  /// Everything stored under the child's pseudonyms.
  func inspect(
    _ key: ChildKey, registry: RegistrySnapshot, now: Date, on connection: PostgresConnection
  )
    async throws -> ChildInspection
  {
    let pseudonyms = key.all
    let signals = try await self.signals(pseudonyms, registry: registry, on: connection)
    return ChildInspection(
      inspectedAt: now, child: try await child(pseudonyms, registry: registry, on: connection),
      regie: try await regie(pseudonyms, registry: registry, on: connection), signals: signals,
      matches: try await matches(pseudonyms, registry: registry, on: connection),
      historicalNotices: try await notices(pseudonyms, registry: registry, on: connection),
      logBook: try await logBook.entries(about: pseudonyms, on: connection))
  }

  /// The pseudonym the child's data is stored under (the current one when both hold data), or `nil` when nothing
  /// is stored: no child record, no signal, and (with `logBook`) no log book row.
  func storedPseudonym(
    _ key: ChildKey, includingLogBook logBook: Bool = true, on connection: PostgresConnection
  ) async throws -> Pseudonym? {
    let rows = try await connection.query(
      """
      SELECT p FROM UNNEST(\(key.all)::text[]) WITH ORDINALITY AS k(p, n)
      WHERE EXISTS (SELECT 1 FROM children WHERE child_pseudonym = p)
        OR EXISTS (SELECT 1 FROM signals WHERE child_pseudonym = p)
        OR (\(logBook) AND EXISTS (SELECT 1 FROM log_book WHERE child_pseudonym = p))
      ORDER BY n LIMIT 1
      """, logger: logger)
    for try await pseudonym in rows.decode(String.self) { return Pseudonym(value: pseudonym) }
    return nil
  }

  /// The child record, with its number of known parents.
  private func child(
    _ pseudonyms: [String], registry: RegistrySnapshot, on connection: PostgresConnection
  ) async throws -> InspectedChild? {
    let rows = try await connection.query(
      """
      SELECT c.initials, c.birth_date, c.gender, c.municipality, c.first_signalled_at, c.corrected_at,
        c.address_pseudonym IS NOT NULL,
        (SELECT count(*)::int FROM child_parents p WHERE p.child_pseudonym = c.child_pseudonym)
      FROM children c JOIN UNNEST(\(pseudonyms)::text[]) WITH ORDINALITY AS k(p, n) ON c.child_pseudonym = k.p
      ORDER BY k.n LIMIT 1
      """, logger: logger)
    for try await (initials, birthDate, gender, municipality, first, corrected, address, parents) in rows.decode(
      (String, CalendarDate, String, String, Date, Date?, Bool, Int).self)
    {
      return InspectedChild(
        initials: initials, birthDate: birthDate, gender: gender,
        municipality: municipality, municipalityName: registry.municipalities[municipality]?.name,
        firstSignalledAt: first, correctedAt: corrected, addressKnown: address, parentsKnown: parents)
    }
    return nil
  }

  /// Who coordinates around the child.
  private func regie(
    _ pseudonyms: [String], registry: RegistrySnapshot, on connection: PostgresConnection
  ) async throws -> InspectedParty? {
    let rows = try await connection.query(
      """
      SELECT r.organisation_id, r.professional_id
      FROM child_regie r JOIN UNNEST(\(pseudonyms)::text[]) WITH ORDINALITY AS k(p, n) ON r.child_pseudonym = k.p
      ORDER BY k.n LIMIT 1
      """, logger: logger)
    for try await (organisation, professional) in rows.decode((String, String).self) {
      return InspectedParty(organisationId: organisation, professionalId: professional, in: registry)
    }
    return nil
  }

  /// Every signal on the child, active and archived, oldest first.
  private func signals(
    _ pseudonyms: [String], registry: RegistrySnapshot, on connection: PostgresConnection
  ) async throws -> [InspectedSignal] {
    let rows = try await connection.query(
      """
      SELECT \(unescaped: StoredSignal.columns) FROM signals WHERE child_pseudonym = ANY(\(pseudonyms)::text[])
      ORDER BY registered_at, signal_id
      """, logger: logger)
    var signals: [InspectedSignal] = []
    for stored in try await StoredSignal.read(rows) {
      signals.append(
        InspectedSignal(
          signalId: ResourceID(stored.signalId),
          by: InspectedParty(
            organisationId: stored.organisationId, professionalId: stored.professionalId, in: registry),
          reference: stored.reference,
          child: OwnSignal.Child(
            initials: stored.childInitials, birthDate: stored.childBirthDate, gender: stored.childGender),
          informed: stored.informed, municipality: stored.municipality, status: stored.status,
          archiveReason: stored.archiveReason, registeredAt: stored.registeredAt, endsOn: stored.endsOn,
          archivedAt: stored.archivedAt))
    }
    return signals
  }

  /// Every match of the child's signals; of another child's side only that it is another child.
  private func matches(
    _ pseudonyms: [String], registry: RegistrySnapshot, on connection: PostgresConnection
  ) async throws -> [InspectedMatch] {
    let rows = try await connection.query(
      """
      WITH own AS (SELECT signal_id FROM signals WHERE child_pseudonym = ANY(\(pseudonyms)::text[]))
      SELECT m.match_id, m.kind, m.created_at, m.ended_at, m.regie_professional_id,
        a.signal_id, a.child_pseudonym = ANY(\(pseudonyms)::text[]), a.organisation_id, a.professional_id,
        b.signal_id, b.child_pseudonym = ANY(\(pseudonyms)::text[]), b.organisation_id, b.professional_id
      FROM (
        SELECT * FROM matches WHERE signal_a IN (SELECT signal_id FROM own)
        UNION
        SELECT * FROM matches WHERE signal_b IN (SELECT signal_id FROM own)
      ) m
      JOIN signals a ON a.signal_id = m.signal_a
      JOIN signals b ON b.signal_id = m.signal_b
      ORDER BY m.created_at, m.match_id
      """, logger: logger)
    var matches: [InspectedMatch] = []
    for try await row in rows.decode(
      (UUID, MatchKind, Date, Date?, String?, UUID, Bool, String, String, UUID, Bool, String, String).self)
    {
      func party(_ signal: UUID, own: Bool, organisation: String, professional: String) -> InspectedMatch.Party {
        guard own else { return InspectedMatch.Party(signalId: nil, by: nil, otherChild: true) }
        return InspectedMatch.Party(
          signalId: ResourceID(signal),
          by: InspectedParty(organisationId: organisation, professionalId: professional, in: registry),
          otherChild: false)
      }
      let parties = [
        party(row.5, own: row.6, organisation: row.7, professional: row.8),
        party(row.9, own: row.10, organisation: row.11, professional: row.12),
      ]
      let regie = parties.compactMap(\.by).first { $0.professional.id == row.4 }
      matches.append(
        InspectedMatch(
          matchId: ResourceID(row.0), kind: row.1, since: row.2, endedAt: row.3, parties: parties, regie: regie))
    }
    return matches
  }

  /// The archived signals on the child shown as historical involvement, and to whom.
  private func notices(
    _ pseudonyms: [String], registry: RegistrySnapshot, on connection: PostgresConnection
  ) async throws -> [InspectedNotice] {
    let rows = try await connection.query(
      """
      SELECT h.archived_signal_id, h.professional_id, h.shown_at
      FROM historical_shown h JOIN signals s ON s.signal_id = h.archived_signal_id
      WHERE s.child_pseudonym = ANY(\(pseudonyms)::text[])
      ORDER BY h.shown_at, h.archived_signal_id, h.professional_id
      """, logger: logger)
    var notices: [InspectedNotice] = []
    for try await (signal, professional, at) in rows.decode((UUID, String, Date).self) {
      notices.append(
        InspectedNotice(
          archivedSignalId: ResourceID(signal), shownTo: ProfessionalCard(professional, in: registry), shownAt: at))
    }
    return notices
  }
}
