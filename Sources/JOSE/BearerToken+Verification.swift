public import Crypto
public import Foundation

extension BearerToken {
  /// Verifies the token of an `Authorization` header value (`Bearer <JWT>`, scheme case-insensitive).
  ///
  /// - Throws: ``BearerTokenError/missing`` when `authorization` is `nil`, empty, or not of the Bearer scheme;
  ///   otherwise as ``verify(_:now:key:)``.
  public static func verify(
    authorization: String?, now: Date, key: (_ issuer: String) -> Curve25519.Signing.PublicKey?
  ) throws(BearerTokenError) -> BearerToken {
    guard let authorization, let token = token(inAuthorization: authorization) else { throw .missing }
    return try verify(token, now: now, key: key)
  }

  /// Verifies a compact JWT: header `alg` exactly `EdDSA` (so never `none`), `typ` absent or `JWT`, no `crit`; a
  /// valid signature by the key `key` gives for `iss`; `iss` and `sub` non-empty strings; `exp` present, not passed
  /// and at most ``maximumLifetime`` ahead; `nbf`, if present, not in the future; `iat`, if present, a number. The
  /// times allow ``clockSkew``.
  ///
  /// - Parameters:
  ///   - token: the compact JWT.
  ///   - now: the current time.
  ///   - key: the registered public key of an organisation id, `nil` when the organisation is unknown (or not
  ///     allowed to sign in).
  /// - Throws: ``BearerTokenError``, every case a 401.
  public static func verify(
    _ token: some StringProtocol, now: Date, key: (_ issuer: String) -> Curve25519.Signing.PublicKey?
  ) throws(BearerTokenError) -> BearerToken {
    guard !token.isEmpty else { throw .missing }
    guard token.utf8.count <= maximumLength else { throw .malformed(CompactJWSError.tooLong.description) }
    let jws: CompactJWS
    do {
      jws = try CompactJWS(parsing: Array(token.utf8))
      try jws.requireEdDSA()
    } catch {
      throw BearerTokenError(error)
    }
    try checkHeader(jws.header)
    let claims = try readClaims(jws.encodedPayload)
    let issuer = try nonEmptyString("iss", in: claims)
    guard let publicKey = key(issuer) else { throw .unknownIssuer }
    guard jws.hasValidSignature(encodedPayload: jws.encodedPayload, key: publicKey) else { throw .invalidSignature }
    let subject = try nonEmptyString("sub", in: claims)
    guard let expiry = try numericDate("exp", in: claims) else { throw .claim("exp", "is missing") }
    let notBefore = try numericDate("nbf", in: claims)
    _ = try numericDate("iat", in: claims)

    let current = now.timeIntervalSince1970
    guard current < expiry + clockSkew else { throw .expired }
    guard expiry <= current + maximumLifetime + clockSkew else { throw .lifetimeTooLong }
    if let notBefore, notBefore > current + clockSkew { throw .notYetValid }
    return BearerToken(
      organisationId: issuer, professionalId: subject, expiresAt: Date(timeIntervalSince1970: expiry))
  }

  /// The token of an `Authorization` value of the Bearer scheme (RFC 6750 §2.1), or `nil`.
  static func token(inAuthorization value: String) -> Substring? {
    let scheme = "bearer "
    guard value.count > scheme.count, value.prefix(scheme.count).lowercased() == scheme else { return nil }
    let token = value.dropFirst(scheme.count).drop { $0 == " " }
    return token.isEmpty ? nil : token
  }

  private static func checkHeader(_ header: [String: JSONValue]) throws(BearerTokenError) {
    switch header["typ"] {
    case nil: break
    case .string(let type) where type.uppercased() == "JWT": break
    default: throw .malformed("has a typ other than \"JWT\"")
    }
    switch header["kid"] {
    case nil, .string: break
    default: throw .malformed("has a kid that is not a string")
    }
  }

  private static func readClaims(_ encodedPayload: [UInt8]) throws(BearerTokenError) -> [String: JSONValue] {
    let payload: [UInt8]
    do {
      payload = try Base64URL.decode(bytes: encodedPayload)
    } catch {
      throw .malformed("has a claims segment that is not base64url: \(error)")
    }
    do {
      return try StrictJSONParser.parseObject(payload)
    } catch {
      throw .malformed("has a claims set that \(error)")
    }
  }

  private static func nonEmptyString(
    _ name: String, in claims: [String: JSONValue]
  ) throws(BearerTokenError)
    -> String
  {
    switch claims[name] {
    case .string(let value) where !value.isEmpty: value
    case nil: throw .claim(name, "is missing")
    case .string: throw .claim(name, "is empty")
    case .some: throw .claim(name, "is not a string")
    }
  }

  private static func numericDate(
    _ name: String, in claims: [String: JSONValue]
  ) throws(BearerTokenError)
    -> TimeInterval?
  {
    switch claims[name] {
    case nil: nil
    case .number(let seconds): seconds
    case .some: throw .claim(name, "is not a NumericDate (seconds since 1970 as a JSON number)")
    }
  }
}
