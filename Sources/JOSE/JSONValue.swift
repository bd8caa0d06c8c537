/// A JSON value as read by ``StrictJSONParser``: JOSE headers and JWT claims are small, so they are read into this
/// tree and checked member by member, with no implicit conversions between types.
enum JSONValue: Sendable, Hashable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// A finite number.
  case number(Double)
  /// A string.
  case string(String)
  /// An array.
  case array([JSONValue])
  /// An object; member names are unique.
  case object([String: JSONValue])
}
