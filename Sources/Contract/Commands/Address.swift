/// A Dutch address, for address matches.
public struct Address: Codable, Sendable, Hashable {
  /// Postcode, e.g. "1234AB".
  public var postcode: String?
  /// House number.
  public var houseNumber: String?
  /// Addition, e.g. "A" or "bis".
  public var houseNumberAddition: String?

  /// Creates an address.
  public init(postcode: String?, houseNumber: String?, houseNumberAddition: String?) {
    self.postcode = postcode
    self.houseNumber = houseNumber
    self.houseNumberAddition = houseNumberAddition
  }
}
