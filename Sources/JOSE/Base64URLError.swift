/// Why text is not valid unpadded base64url (see ``Base64URL``).
public enum Base64URLError: Error, Sendable, Hashable, CustomStringConvertible {
  /// A character outside `A–Z a–z 0–9 - _` (padding `=`, whitespace and the `+ /` of standard base64 included).
  case invalidCharacter(offset: Int)
  /// A length of 4n + 1 characters, which no byte sequence encodes to.
  case invalidLength(Int)
  /// The unused bits of the last character are not zero: the text is not the canonical encoding of any bytes.
  case nonCanonical

  /// What is wrong and what to do, without echoing the text.
  public var description: String {
    switch self {
    case .invalidCharacter(let offset):
      "character \(offset + 1) is not in the base64url alphabet (A-Z a-z 0-9 - _, without '=' padding)"
    case .invalidLength(let length):
      "a length of \(length) characters is not possible for base64url; the text is truncated or has an extra character"
    case .nonCanonical:
      "the last character has non-zero unused bits; encode with a standard base64url encoder without padding"
    }
  }
}
