/// A keyed, one-way pseudonym of a person: what leaves SignalIntake instead of a BSN or an identity.
public struct Pseudonym: Sendable, Hashable, Codable, CustomStringConvertible {
  /// Lower-case hex of the HMAC-SHA256.
  public let value: String

  /// Wraps a pseudonym already computed.
  public init(value: String) {
    self.value = value
  }

  /// Decodes a pseudonym from its string.
  public init(from decoder: any Decoder) throws {
    value = try decoder.singleValueContainer().decode(String.self)
  }

  /// Encodes the pseudonym as its string.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(value)
  }

  /// The pseudonym itself (it identifies no one without the key).
  public var description: String { value }
}
