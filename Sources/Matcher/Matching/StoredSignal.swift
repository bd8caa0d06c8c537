import Foundation
import Shared

/// An active signal as the matching queries read it back.
struct StoredSignal: Sendable {
  var signalId: UUID
  var organisationId: String
  var professionalId: String
  var reference: String?
  var childInitials: String
  var childBirthDate: CalendarDate
  var registeredAt: Date

  /// This signal as one side of a match.
  var party: SignalParty {
    SignalParty(
      signalId: signalId, organisationId: organisationId, professionalId: professionalId, reference: reference,
      childInitials: childInitials, childBirthDate: childBirthDate)
  }
}
