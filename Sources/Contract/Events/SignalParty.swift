public import Foundation

/// A professional's signal as that professional knows it: what a notice names as "your signal" or "the other
/// professional". Contact details are not in it; the Notifier takes them from the registry at sending time.
public struct SignalParty: Codable, Sendable, Hashable {
  /// The signal.
  public var signalId: UUID
  /// The professional's organisation.
  public var organisationId: String
  /// The professional.
  public var professionalId: String
  /// The professional's own reference for the child.
  public var reference: String?
  /// The child's initials and family name, as the professional registered them.
  public var childInitials: String
  /// The child's birth date.
  public var childBirthDate: CalendarDate

  /// Creates a party.
  public init(
    signalId: UUID, organisationId: String, professionalId: String, reference: String?, childInitials: String,
    childBirthDate: CalendarDate
  ) {
    self.signalId = signalId
    self.organisationId = organisationId
    self.professionalId = professionalId
    self.reference = reference
    self.childInitials = childInitials
    self.childBirthDate = childBirthDate
  }
}
