/// A professional (meldingsbevoegde) appointed by an organisation.
public struct Professional: Codable, Sendable, Hashable {
  /// The professional's id (the `sub` of their tokens).
  public var id: String
  /// Their organisation.
  public var organisationId: String
  /// Full name.
  public var name: String
  /// E-mail address notices go to.
  public var email: String
  /// Telephone number.
  public var phone: String
  /// Only an active professional may signal.
  public var active: Bool

  /// Creates a professional.
  public init(id: String, organisationId: String, name: String, email: String, phone: String, active: Bool) {
    self.id = id
    self.organisationId = organisationId
    self.name = name
    self.email = email
    self.phone = phone
    self.active = active
  }
}
