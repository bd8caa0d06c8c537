public import Crypto

extension DetachedJWS {
  /// The `vi-signature` header value for `payload`: a detached compact JWS with protected header
  /// `{"alg":"EdDSA","kid":keyID}`, signed with `key`.
  ///
  /// - Parameters:
  ///   - payload: the exact bytes that will be the Kafka message value.
  ///   - keyID: the organisation id.
  ///   - key: the organisation's Ed25519 private key.
  /// - Throws: ``JOSESigningError/emptyValue(_:)`` for an empty `keyID`, ``JOSESigningError/signingFailed`` when
  ///   the key fails.
  public static func sign(
    payload: some Sequence<UInt8>, keyID: String, key: Curve25519.Signing.PrivateKey
  ) throws(JOSESigningError) -> String {
    guard !keyID.isEmpty else { throw .emptyValue("kid") }
    let header = #"{"alg":"\#(CompactJWS.algorithm)","kid":\#(JSONValue.quoted(keyID))}"#
    return try CompactJWS.sign(headerJSON: header, encodedPayload: Base64URL.encode(payload), detached: true, key: key)
  }
}
