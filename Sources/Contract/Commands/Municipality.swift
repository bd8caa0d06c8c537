/// A municipality, whose follow-up officer (regievoerder) receives a notice of every match in it.
public struct Municipality: Codable, Sendable, Hashable {
  /// The CBS municipality code, e.g. "0363".
  public var code: String
  /// Its name.
  public var name: String
  /// Where notices for the follow-up officer go.
  public var followUpEmail: String

  /// Creates a municipality.
  public init(code: String, name: String, followUpEmail: String) {
    self.code = code
    self.name = name
    self.followUpEmail = followUpEmail
  }
}
