/// Why a bearer token was refused. Every case is HTTP 401 (``httpStatus``); each has a stable ``code`` and a
/// ``message`` saying what to do. Never contains the token or key material.
public enum BearerTokenError: Error, Sendable, Hashable, CustomStringConvertible {
  /// No `Authorization: Bearer` header, or an empty token. Code `token.missing`.
  case missing
  /// Not a compact JWS with JSON object header and claims, or longer than ``BearerToken/maximumLength``; the
  /// reason completes "the token …". Code `token.malformed`.
  case malformed(String)
  /// `alg` is missing or not exactly `EdDSA` (`none`, `HS256`, `ES256` …). Code `token.algorithm`.
  case algorithm
  /// The header asks for an extension (`crit`, `b64`). Code `token.unsupported`.
  case unsupported(String)
  /// A claim is missing or of the wrong type: the claim's name and what is wrong with it. Code `token.claim`.
  case claim(String, String)
  /// No registered key for `iss`: the organisation is unknown. Code `token.issuer`.
  case unknownIssuer
  /// The signature is not the issuer's registered key's. Code `token.signature`.
  case invalidSignature
  /// `exp` has passed (beyond the clock skew). Code `token.expired`.
  case expired
  /// `exp` is more than 1 hour (plus the clock skew) ahead. Code `token.lifetime`.
  case lifetimeTooLong
  /// `nbf` is in the future (beyond the clock skew). Code `token.notYetValid`.
  case notYetValid

  init(_ error: CompactJWSError) {
    switch error {
    case .algorithm: self = .algorithm
    case .critical, .unencodedPayload: self = .unsupported(error.description)
    default: self = .malformed(error.description)
    }
  }

  /// The HTTP status of the response: always 401 Unauthorized.
  public var httpStatus: Int { 401 }

  /// The stable, machine-readable code, e.g. `token.expired`.
  public var code: String {
    switch self {
    case .missing: "token.missing"
    case .malformed: "token.malformed"
    case .algorithm: "token.algorithm"
    case .unsupported: "token.unsupported"
    case .claim: "token.claim"
    case .unknownIssuer: "token.issuer"
    case .invalidSignature: "token.signature"
    case .expired: "token.expired"
    case .lifetimeTooLong: "token.lifetime"
    case .notYetValid: "token.notYetValid"
    }
  }

  /// What is wrong and what to do, for the client.
  public var message: String {
    switch self {
    case .missing:
      "no bearer token; send Authorization: Bearer <JWT signed with your organisation's registered Ed25519 key>"
    case .malformed(let reason):
      "the token \(reason); send a JWT in compact serialisation (RFC 7519)"
    case .algorithm:
      "the token does not have alg \"EdDSA\"; sign it with your organisation's Ed25519 key and alg \"EdDSA\""
    case .unsupported(let reason):
      "the token \(reason); leave crit and b64 out of the header"
    case .claim(let name, let problem):
      "the token's \(name) claim \(problem); send iss (organisation id), sub (professional id) and exp"
    case .unknownIssuer:
      "the token's issuer (iss) is not a registered organisation; set iss to your organisation id"
    case .invalidSignature:
      "the token's signature does not verify with the issuer's registered key; sign with the private key of the"
        + " registered public key"
    case .expired:
      "the token has expired; mint a new one"
    case .lifetimeTooLong:
      "the token expires more than \(Int(BearerToken.maximumLifetime)) s from now; mint tokens with exp at most"
        + " 1 hour ahead"
    case .notYetValid:
      "the token is not valid yet (nbf is in the future); check the clock of the system that mints the tokens"
    }
  }

  /// The code and message.
  public var description: String { "\(code): \(message)" }
}
