public import Crypto

/// The `vi-signature` of an intake command: a JWS (RFC 7515) in compact serialisation with detached payload
/// (RFC 7515 Appendix F), `BASE64URL(protected header) + ".." + BASE64URL(signature)`, algorithm `EdDSA`, `kid` the
/// organisation id, signing the exact bytes of the Kafka message value.
///
/// Reading it is two steps, so the caller can find the organisation first: ``init(_:)`` checks the framing
/// and header and exposes the claimed ``keyID``; ``verify(payload:organisationId:key:)`` checks the `kid` against
/// the organisation and the signature against its registered key. Every failure is a ``DetachedJWSError`` whose
/// ``DetachedJWSError/validationIssue`` is the rejection entry.
public struct DetachedJWS: Sendable {
  /// The name of the Kafka header that carries the signature.
  public static let headerName = "vi-signature"
  /// The longest header value read at all, in bytes.
  public static let maximumLength = CompactJWS.maximumLength

  /// The `kid` of the protected header: the organisation that claims to have signed. Not to be trusted before
  /// ``verify(payload:organisationId:key:)`` has passed.
  public let keyID: String

  private let jws: CompactJWS

  /// Reads a `vi-signature` header value as received from Kafka (`nil` when the message has no such header).
  ///
  /// - Throws: ``DetachedJWSError/missing`` for no or an empty value; ``DetachedJWSError/malformed(_:)`` for
  ///   anything not a detached compact JWS with a JSON object header; ``DetachedJWSError/algorithm`` unless `alg`
  ///   is exactly `EdDSA`; ``DetachedJWSError/unsupported(_:)`` for `crit` or `b64`; ``DetachedJWSError/keyID(_:)``
  ///   when `kid` is missing, not a string or empty.
  public init(_ headerValue: [UInt8]?) throws(DetachedJWSError) {
    guard let headerValue, !headerValue.isEmpty else { throw .missing }
    do {
      jws = try CompactJWS(parsing: headerValue)
      try jws.requireEdDSA()
    } catch {
      throw DetachedJWSError(error)
    }
    guard jws.encodedPayload.isEmpty else {
      throw .malformed("carries the payload; leave the middle segment empty (detached payload, RFC 7515 Appendix F)")
    }
    switch jws.header["kid"] {
    case .string(let keyID) where !keyID.isEmpty: self.keyID = keyID
    case nil, .string: throw .keyID("has no kid")
    case .some: throw .keyID("has a kid that is not a string")
    }
  }

  /// Reads a `vi-signature` header value given as text; see ``init(_:)``.
  public init(_ headerValue: String?) throws(DetachedJWSError) {
    try self.init(headerValue.map { Array($0.utf8) })
  }

  /// Verifies that `organisationId` signed `payload`: the `kid` must be `organisationId`, and the signature must be
  /// `key`'s over `ASCII(BASE64URL(protected header) || '.' || BASE64URL(payload))`.
  ///
  /// - Parameters:
  ///   - payload: the exact bytes of the Kafka message value.
  ///   - organisationId: the organisation the command comes from (from its `source`), whose key `key` is.
  ///   - key: that organisation's registered public key.
  /// - Throws: ``DetachedJWSError/keyID(_:)`` when the `kid` is another organisation's,
  ///   ``DetachedJWSError/invalid`` when the signature does not verify.
  public func verify(
    payload: some Sequence<UInt8>, organisationId: String, key: Curve25519.Signing.PublicKey
  ) throws(DetachedJWSError) {
    guard keyID == organisationId else {
      throw .keyID("names another organisation than the one sending the command (\(organisationId))")
    }
    guard jws.hasValidSignature(encodedPayload: Array(Base64URL.encode(payload).utf8), key: key) else {
      throw .invalid
    }
  }

  /// Verifies as ``verify(payload:organisationId:key:)``, with the key in the registry form (base64url of the 32
  /// raw bytes, see ``OrganisationKey``).
  ///
  /// - Throws: ``DetachedJWSError/key(_:)`` when the registered key cannot be read, otherwise as
  ///   ``verify(payload:organisationId:key:)``.
  public func verify(
    payload: some Sequence<UInt8>, organisationId: String, registeredKey: String
  ) throws(DetachedJWSError) {
    let key: Curve25519.Signing.PublicKey
    do {
      key = try OrganisationKey.parse(registeredKey)
    } catch {
      throw .key(error)
    }
    try verify(payload: payload, organisationId: organisationId, key: key)
  }
}
