/// The region administrator corrected a child's personal data (a right of the child and parents). The pseudonym
/// stays: a wrong BSN is corrected by objection and a new signal, not here.
public struct ChildCorrection: Codable, Sendable, Hashable {
  /// Initials and family name as shown in notices.
  public var initials: String
  /// Date of birth (moves the 23rd birthday).
  public var birthDate: CalendarDate
  /// Gender: M, V or O.
  public var gender: String

  /// Creates a correction.
  public init(initials: String, birthDate: CalendarDate, gender: String) {
    self.initials = initials
    self.birthDate = birthDate
    self.gender = gender
  }
}
