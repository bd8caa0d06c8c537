public import Foundation

/// One side of a match: a professional's signal, described as that professional knows it.
public struct MatchParty: Codable, Sendable, Hashable {
  /// The signal.
  public var signalId: UUID
  /// The professional's organisation.
  public var organisationId: String
  /// The professional.
  public var professionalId: String
  /// The professional's own reference for the child.
  public var reference: String?
  /// The child's initials and name, as the professional registered them.
  public var childInitials: String
  /// The child's birth date.
  public var childBirthDate: CalendarDate
  /// Whether this party's organisation coordinates (has regie).
  public var hasRegie: Bool

  /// Creates a party.
  public init(
    signalId: UUID, organisationId: String, professionalId: String, reference: String?, childInitials: String,
    childBirthDate: CalendarDate, hasRegie: Bool
  ) {
    self.signalId = signalId
    self.organisationId = organisationId
    self.professionalId = professionalId
    self.reference = reference
    self.childInitials = childInitials
    self.childBirthDate = childBirthDate
    self.hasRegie = hasRegie
  }
}
