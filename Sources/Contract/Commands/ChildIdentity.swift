/// The child's identity as an organisation sends it. Only SignalIntake reads it; it never leaves SignalIntake.
public struct ChildIdentity: Codable, Sendable, Hashable {
  /// BSN, optional.
  public var bsn: String?
  /// Family name.
  public var familyName: String?
  /// Given names or initials.
  public var givenNames: String?
  /// Date of birth, `YYYY-MM-DD`.
  public var birthDate: String?
  /// M, V or O.
  public var gender: String?
  /// Parents' BSNs, optional.
  public var parentBsns: [String]?
  /// Address, optional.
  public var address: Address?

  /// Creates an identity.
  public init(
    bsn: String?, familyName: String?, givenNames: String?, birthDate: String?, gender: String?,
    parentBsns: [String]? = nil, address: Address? = nil
  ) {
    self.bsn = bsn
    self.familyName = familyName
    self.givenNames = givenNames
    self.birthDate = birthDate
    self.gender = gender
    self.parentBsns = parentBsns
    self.address = address
  }
}
