import Contract
import Foundation
import PostgresNIO
import Rules
import ServiceKit

/// A row of the `signals` table, as the matching code and the API read it back: the one type for that table.
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
  var childGender: String
  var informed: Informed
  var status: SignalStatus
  var archiveReason: ArchiveReason?
  var registeredAt: Date
  var endsOn: CalendarDate
  var archivedAt: Date?

  /// The columns ``read(_:)`` decodes (by name).
  static let columns = """
    signal_id, child_pseudonym, organisation_id, organisation_type, municipality, professional_id, reference,
    child_initials, child_birth_date, child_gender, informed, status, archive_reason, registered_at, ends_on,
    archived_at
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

  /// Reads rows selected with ``columns``, each column by its name.
  static func read(_ rows: PostgresRowSequence) async throws -> [StoredSignal] {
    var result: [StoredSignal] = []
    for try await row in rows {
      let cells = row.makeRandomAccess()
      result.append(
        StoredSignal(
          signalId: try cells["signal_id"].decode(UUID.self),
          childPseudonym: try cells["child_pseudonym"].decode(String.self),
          organisationId: try cells["organisation_id"].decode(String.self),
          organisationType: try cells["organisation_type"].decode(String.self),
          municipality: try cells["municipality"].decode(String.self),
          professionalId: try cells["professional_id"].decode(String.self),
          reference: try cells["reference"].decode(String?.self),
          childInitials: try cells["child_initials"].decode(String.self),
          childBirthDate: try cells["child_birth_date"].decode(CalendarDate.self),
          childGender: try cells["child_gender"].decode(String.self),
          informed: try cells["informed"].decode(Informed.self),
          status: try cells["status"].decode(SignalStatus.self),
          archiveReason: try cells["archive_reason"].decode(ArchiveReason?.self),
          registeredAt: try cells["registered_at"].decode(Date.self),
          endsOn: try cells["ends_on"].decode(CalendarDate.self),
          archivedAt: try cells["archived_at"].decode(Date?.self)))
    }
    return result
  }
}
