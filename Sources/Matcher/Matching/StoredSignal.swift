import Contract
import Foundation
import PostgresNIO
import Rules

/// A signal as the matching queries read it back.
struct StoredSignal: Sendable {
  var signalId: UUID
  var childPseudonym: String
  var organisationId: String
  var organisationType: String
  var municipality: String
  var professionalId: String
  var reference: String?
  var childInitials: String
  var childBirthDate: CalendarDate
  var registeredAt: Date
  var endsOn: CalendarDate
  var archivedAt: Date?

  /// The columns ``read(_:)`` decodes, in order.
  static let columns = """
    signal_id, child_pseudonym, organisation_id, organisation_type, municipality, professional_id, reference,
    child_initials, child_birth_date::text, registered_at, ends_on::text, archived_at
    """

  /// What regie is decided on for this signal.
  var regieCandidate: RegieCandidate {
    RegieCandidate(organisationType: organisationType, registeredAt: registeredAt, signalId: signalId)
  }

  /// This signal as one side of a notice.
  var party: SignalParty {
    SignalParty(
      signalId: signalId, organisationId: organisationId, professionalId: professionalId, reference: reference,
      childInitials: childInitials, childBirthDate: childBirthDate)
  }

  /// Reads rows selected with ``columns``.
  static func read(_ rows: PostgresRowSequence) async throws -> [StoredSignal] {
    var result: [StoredSignal] = []
    for try await row in rows {
      let cells = row.makeRandomAccess()
      let id = try cells[0].decode(UUID.self)
      let child = try cells[1].decode(String.self)
      let organisation = try cells[2].decode(String.self)
      let type = try cells[3].decode(String.self)
      let municipality = try cells[4].decode(String.self)
      let professional = try cells[5].decode(String.self)
      let reference = try cells[6].decode(String?.self)
      let initials = try cells[7].decode(String.self)
      let birthDate = try cells[8].decode(String.self)
      let registeredAt = try cells[9].decode(Date.self)
      let endsOn = try cells[10].decode(String.self)
      let archivedAt = try cells[11].decode(Date?.self)
      result.append(
        StoredSignal(
          signalId: id, childPseudonym: child, organisationId: organisation, organisationType: type,
          municipality: municipality, professionalId: professional, reference: reference, childInitials: initials,
          childBirthDate: CalendarDate(birthDate)!, registeredAt: registeredAt, endsOn: CalendarDate(endsOn)!,
          archivedAt: archivedAt))
    }
    return result
  }
}
