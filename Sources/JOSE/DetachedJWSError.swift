/// Why an intake command's `vi-signature` was refused. Each case has a stable ``code`` and a ``message`` saying what
/// to do; the contract module turns it into the rejection entry (`validationIssue`). Never contains key material or payload bytes.
public enum DetachedJWSError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The message has no `vi-signature` header, or an empty one. Code `signature.missing`.
  case missing
  /// The header value is not a detached compact JWS with a JSON object as protected header; the reason completes
  /// "the vi-signature …". Code `signature.malformed`.
  case malformed(String)
  /// `alg` is missing or not exactly `EdDSA` (`none`, `HS256`, `ES256`, `Ed25519` …). Code `signature.algorithm`.
  case algorithm
  /// The header asks for an extension: `crit` or `b64`. Code `signature.unsupported`.
  case unsupported(String)
  /// `kid` is missing, not a string, or not the sending organisation; the reason completes "the vi-signature
  /// header …". Code `signature.kid`.
  case keyID(String)
  /// The organisation's registered public key cannot be read. Code `signature.key`.
  case key(OrganisationKeyError)
  /// The signature does not verify with the organisation's key over the message value. Code `signature.invalid`.
  case invalid

  /// The field of the rejection entry: the header's name.
  public static let field = DetachedJWS.headerName

  init(_ error: CompactJWSError) {
    switch error {
    case .algorithm: self = .algorithm
    case .critical, .unencodedPayload: self = .unsupported(error.description)
    default: self = .malformed(error.description)
    }
  }

  /// The stable, machine-readable code, e.g. `signature.invalid`.
  public var code: String {
    switch self {
    case .missing: "signature.missing"
    case .malformed: "signature.malformed"
    case .algorithm: "signature.algorithm"
    case .unsupported: "signature.unsupported"
    case .keyID: "signature.kid"
    case .key: "signature.key"
    case .invalid: "signature.invalid"
    }
  }

  /// What is wrong and what to do, for the sending organisation.
  public var message: String {
    switch self {
    case .missing:
      "the command has no vi-signature header; sign the exact message value with your organisation's Ed25519 key"
        + " and send the detached JWS (alg EdDSA, kid your organisation id) in that header"
    case .malformed(let reason):
      "the vi-signature \(reason); send a JWS in compact serialisation with detached payload:"
        + " BASE64URL(protected header)..BASE64URL(signature)"
    case .algorithm:
      "the vi-signature header does not have alg \"EdDSA\"; sign with Ed25519 and set alg to exactly \"EdDSA\""
    case .unsupported(let reason):
      "the vi-signature \(reason); leave crit and b64 out of the protected header"
    case .keyID(let reason):
      "the vi-signature header \(reason); set kid to your organisation id, the one in the command's source"
    case .key(let error):
      "the organisation's registered public key cannot be used: \(error); ask the region administrator to fix it"
    case .invalid:
      "the vi-signature does not verify with the organisation's registered key over the exact bytes of the message"
        + " value; sign the bytes you send, unchanged, with the private key of the registered public key"
    }
  }

  /// The code and message.
  public var description: String { "\(code): \(message)" }
}
