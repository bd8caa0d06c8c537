/// What the services past SignalIntake know of a child: enough to name it in a notice, never its BSN.
public struct ChildRecord: Codable, Sendable, Hashable {
  /// Initials and family name as shown in notices, e.g. "P.J. Jansen".
  public var initials: String
  /// Date of birth.
  public var birthDate: CalendarDate
  /// Gender: M, V or O.
  public var gender: String
  /// Pseudonyms of the parents, for family matches.
  public var parentPseudonyms: [Pseudonym]
  /// Pseudonym of the normalised address (postcode, house number, addition), for address matches; absent when no
  /// address was given or it is an institutional address.
  public var addressPseudonym: Pseudonym?

  /// Creates a child record.
  public init(
    initials: String, birthDate: CalendarDate, gender: String, parentPseudonyms: [Pseudonym],
    addressPseudonym: Pseudonym? = nil
  ) {
    self.initials = initials
    self.birthDate = birthDate
    self.gender = gender
    self.parentPseudonyms = parentPseudonyms
    self.addressPseudonym = addressPseudonym
  }
}
