/// Why a compact JWS was refused before its signature was checked. ``DetachedJWSError`` and ``BearerTokenError``
/// turn these into their own codes.
enum CompactJWSError: Error, Sendable, Hashable, CustomStringConvertible {
  /// Longer than ``CompactJWS/maximumLength``.
  case tooLong
  /// Not three segments separated by dots.
  case segmentCount(Int)
  /// The header segment is not base64url.
  case headerEncoding(Base64URLError)
  /// The decoded header is not a JSON object.
  case headerJSON(JSONParseError)
  /// The signature segment is not base64url.
  case signatureEncoding(Base64URLError)
  /// `alg` is missing, not a string, or not exactly `EdDSA`.
  case algorithm
  /// The header has `crit`.
  case critical
  /// The header has `b64`.
  case unencodedPayload

  /// What is wrong, as the end of a sentence starting with the thing's name.
  var description: String {
    switch self {
    case .tooLong: "is longer than \(CompactJWS.maximumLength) bytes"
    case .segmentCount(let count): "has \(count) dot-separated segments instead of 3"
    case .headerEncoding(let error): "has a protected header that is not base64url: \(error)"
    case .headerJSON(let error): "has a protected header that \(error)"
    case .signatureEncoding(let error): "has a signature that is not base64url: \(error)"
    case .algorithm: "does not have alg \"\(CompactJWS.algorithm)\""
    case .critical: "has crit, but no JOSE extension is supported"
    case .unencodedPayload: "has b64, but only base64url-encoded payloads (RFC 7515) are supported"
    }
  }
}
