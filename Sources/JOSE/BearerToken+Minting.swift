public import Crypto
public import Foundation

extension BearerToken {
  /// Mints a token for `subject` of `issuer`, signed with the organisation's key: header
  /// `{"alg":"EdDSA","typ":"JWT"}`, claims `iss`, `sub`, `iat` (now, whole seconds) and `exp` (`iat` + `lifetime`).
  ///
  /// - Parameters:
  ///   - issuer: the organisation id.
  ///   - subject: the professional id.
  ///   - lifetime: seconds until expiry, more than 0 and at most ``maximumLifetime``.
  ///   - now: the current time.
  ///   - key: the organisation's Ed25519 private key.
  /// - Throws: ``JOSESigningError``.
  public static func mint(
    issuer: String, subject: String, lifetime: TimeInterval = 300, now: Date, key: Curve25519.Signing.PrivateKey
  ) throws(JOSESigningError) -> String {
    guard !issuer.isEmpty else { throw .emptyValue("iss") }
    guard !subject.isEmpty else { throw .emptyValue("sub") }
    guard lifetime > 0, lifetime <= maximumLifetime else { throw .invalidLifetime(lifetime) }
    guard let issuedAt = Int64(exactly: now.timeIntervalSince1970.rounded(.down)) else { throw .invalidTime }
    let expiry = issuedAt + Int64(lifetime.rounded(.down))
    let claims =
      #"{"iss":\#(JSONValue.quoted(issuer)),"sub":\#(JSONValue.quoted(subject)),"iat":\#(issuedAt),"exp":\#(expiry)}"#
    return try CompactJWS.sign(
      headerJSON: #"{"alg":"\#(CompactJWS.algorithm)","typ":"JWT"}"#, encodedPayload: Base64URL.encode(claims.utf8),
      detached: false, key: key)
  }
}
