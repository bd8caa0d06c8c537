import Contract
import Foundation
import Logging
import PostgresNIO
import Registry
import Rules
import ServiceKit

/// Reads a professional's own signals (active and archived) and their matches: only signals the professional made
/// under their organisation, and of the other side of each match only who to contact.
struct OwnSignalsReader: Sendable {
  let logger: Logger

  /// A stored signal of the reader, with the child it is about (for the log book only, never shown).
  struct Row: Sendable {
    var signal: OwnSignal
    var childPseudonym: Pseudonym
  }

  /// The signals of `professional` under their organisation, oldest first, with their matches.
  func signals(
    of professional: Professional, registry: RegistrySnapshot, on connection: PostgresConnection
  ) async throws -> [Row] {
    var rows: [Row] = []
    let signals = try await connection.query(
      """
      SELECT \(unescaped: StoredSignal.columns) FROM signals
      WHERE professional_id = \(professional.id) AND organisation_id = \(professional.organisationId)
      ORDER BY registered_at, signal_id
      """, logger: logger)
    for stored in try await StoredSignal.read(signals) {
      let signal = OwnSignal(
        signalId: ResourceID(stored.signalId), reference: stored.reference,
        child: OwnSignal.Child(
          initials: stored.childInitials, birthDate: stored.childBirthDate, gender: stored.childGender),
        informed: stored.informed, status: stored.status, archiveReason: stored.archiveReason,
        registeredAt: stored.registeredAt, endsOn: stored.endsOn, archivedAt: stored.archivedAt, matches: [])
      rows.append(Row(signal: signal, childPseudonym: Pseudonym(value: stored.childPseudonym)))
    }
    let matches = try await self.matches(of: professional, registry: registry, on: connection)
    for index in rows.indices {
      rows[index].signal.matches = matches[rows[index].signal.signalId.uuid] ?? []
    }
    return rows
  }

  /// The matches on the professional's signals, by their signal, oldest first.
  private func matches(
    of professional: Professional, registry: RegistrySnapshot, on connection: PostgresConnection
  ) async throws -> [UUID: [OwnMatch]] {
    let rows = try await connection.query(
      """
      SELECT mine.signal_id, m.match_id, m.kind, m.created_at, m.ended_at, m.regie_organisation_id,
        m.regie_professional_id, other.organisation_id, other.professional_id
      FROM signals mine
      JOIN LATERAL (
        SELECT match_id, kind, created_at, ended_at, regie_organisation_id, regie_professional_id,
          signal_b AS other_id FROM matches WHERE signal_a = mine.signal_id
        UNION ALL
        SELECT match_id, kind, created_at, ended_at, regie_organisation_id, regie_professional_id,
          signal_a AS other_id FROM matches WHERE signal_b = mine.signal_id
      ) m ON true
      JOIN signals other ON other.signal_id = m.other_id
      WHERE mine.professional_id = \(professional.id) AND mine.organisation_id = \(professional.organisationId)
      ORDER BY m.created_at, m.match_id
      """, logger: logger)
    var matches: [UUID: [OwnMatch]] = [:]
    for try await (signalId, matchId, kind, since, ended, regieOrganisation, regieProfessional, organisation, other)
      in rows.decode((UUID, UUID, MatchKind, Date, Date?, String?, String?, String, String).self)
    {
      var regie: RegieView?
      if let regieOrganisation, let regieProfessional {
        regie = RegieView(
          organisationId: regieOrganisation, professionalId: regieProfessional, reader: professional.id,
          in: registry)
      }
      matches[signalId, default: []].append(
        OwnMatch(
          matchId: ResourceID(matchId), kind: kind, concerns: OwnMatch.concerns(kind), since: since, endedAt: ended,
          regie: regie,
          other: PartyContact(professionalId: other, organisationId: organisation, in: registry)))
    }
    return matches
  }
}
