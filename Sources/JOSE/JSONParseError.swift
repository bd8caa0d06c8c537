/// Why bytes are not a JSON object that ``StrictJSONParser`` accepts. Never carries the input itself.
enum JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The bytes are not valid UTF-8.
  case invalidUTF8
  /// The text is valid JSON, or starts like it, but is not an object.
  case notAnObject
  /// The JSON syntax is broken at this byte offset.
  case syntax(offset: Int)
  /// An object has the same member name twice (RFC 7515 §4 and RFC 7519 §4 allow rejecting this).
  case duplicateMember
  /// Arrays and objects are nested deeper than ``StrictJSONParser/maximumDepth``.
  case tooDeep
  /// A number does not fit a double.
  case numberOutOfRange

  /// What is wrong, in a few words.
  var description: String {
    switch self {
    case .invalidUTF8: "is not valid UTF-8"
    case .notAnObject: "is not a JSON object"
    case .syntax(let offset): "is not valid JSON (at byte \(offset))"
    case .duplicateMember: "has a member name twice"
    case .tooDeep: "is nested too deeply"
    case .numberOutOfRange: "has a number out of range"
    }
  }
}
