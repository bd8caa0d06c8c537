/// Why a registered public key cannot be used (see ``OrganisationKey/parse(_:)``).
public enum OrganisationKeyError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The key is empty.
  case empty
  /// The key is not unpadded base64url.
  case notBase64URL(Base64URLError)
  /// The key does not decode to the 32 bytes of an Ed25519 public key (`nil`: far too long to try).
  case wrongLength(bytes: Int?)

  /// What is wrong and what to do.
  public var description: String {
    let remedy = "register the Ed25519 public key as base64url of its 32 raw bytes (43 characters, no padding)"
    return switch self {
    case .empty: "the public key is empty; \(remedy)"
    case .notBase64URL(let error): "the public key is not base64url: \(error); \(remedy)"
    case .wrongLength(let bytes?): "the public key is \(bytes) bytes, not 32; \(remedy)"
    case .wrongLength(nil): "the public key is far too long; \(remedy)"
    }
  }
}
