public import Foundation

/// Why a signature or token could not be made (see ``DetachedJWS/sign(payload:keyID:key:)`` and
/// ``BearerToken/mint(issuer:subject:lifetime:now:key:)``).
public enum JOSESigningError: Error, Sendable, Hashable, CustomStringConvertible {
  /// A value that must identify something (`kid`, `iss`, `sub`) is empty; the name says which.
  case emptyValue(String)
  /// The token lifetime is not more than 0 and at most ``BearerToken/maximumLifetime`` seconds.
  case invalidLifetime(TimeInterval)
  /// The time is not representable as a NumericDate.
  case invalidTime
  /// The signing key failed to sign.
  case signingFailed

  /// What is wrong and what to do.
  public var description: String {
    switch self {
    case .emptyValue(let name): "\(name) is empty; pass the organisation or professional id"
    case .invalidLifetime(let lifetime):
      "a token lifetime of \(lifetime) s is not allowed; use more than 0 and at most \(Int(BearerToken.maximumLifetime)) s"
    case .invalidTime: "the current time cannot be written as a NumericDate"
    case .signingFailed: "the Ed25519 key failed to sign"
    }
  }
}
