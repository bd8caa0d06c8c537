/// A person's contact details as shown in a notice.
public struct Contact: Codable, Sendable, Hashable {
  /// Full name.
  public var name: String
  /// E-mail address.
  public var email: String
  /// Telephone number.
  public var phone: String

  /// Creates contact details.
  public init(name: String, email: String, phone: String) {
    self.name = name
    self.email = email
    self.phone = phone
  }
}
