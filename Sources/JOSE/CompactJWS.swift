import Crypto

/// A JWS in compact serialisation (RFC 7515 §7.1), split and decoded but not yet trusted: the shared framing of the
/// intake's ``DetachedJWS`` and the HTTP API's ``BearerToken``.
struct CompactJWS: Sendable {
  /// The longest compact JWS read at all; ours are a few hundred bytes.
  static let maximumLength = 4096
  /// The only algorithm accepted: Ed25519 (RFC 8037 §3.1).
  static let algorithm = "EdDSA"
  /// The length of an Ed25519 signature.
  static let signatureLength = 64

  /// The first segment as received: BASE64URL(UTF8(protected header)).
  let encodedHeader: [UInt8]
  /// The second segment as received: BASE64URL(payload), empty when the payload is detached.
  let encodedPayload: [UInt8]
  /// The protected header's members.
  let header: [String: JSONValue]
  /// The decoded third segment.
  let signature: [UInt8]

  /// Splits `text` into its three segments and decodes the header and signature, checking nothing about their
  /// meaning; see ``requireEdDSA()``.
  init(parsing text: [UInt8]) throws(CompactJWSError) {
    guard text.count <= Self.maximumLength else { throw .tooLong }
    let segments = text.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
    guard segments.count == 3 else { throw .segmentCount(segments.count) }
    let headerBytes: [UInt8]
    do {
      headerBytes = try Base64URL.decode(bytes: segments[0])
    } catch {
      throw .headerEncoding(error)
    }
    do {
      header = try StrictJSONParser.parseObject(headerBytes)
    } catch {
      throw .headerJSON(error)
    }
    do {
      signature = try Base64URL.decode(bytes: segments[2])
    } catch {
      throw .signatureEncoding(error)
    }
    encodedHeader = Array(segments[0])
    encodedPayload = Array(segments[1])
  }

  /// Checks the header members every JWS of ours shares: `alg` is exactly `EdDSA`, and there is no `crit` (we
  /// understand no extension, RFC 7515 §4.1.11) nor `b64` (RFC 7797's unencoded payload, which we do not support).
  func requireEdDSA() throws(CompactJWSError) {
    guard header["alg"] == .string(Self.algorithm) else { throw .algorithm }
    guard header["crit"] == nil else { throw .critical }
    guard header["b64"] == nil else { throw .unencodedPayload }
  }

  /// Whether the signature is `key`'s Ed25519 signature over `ASCII(encodedHeader || '.' || encodedPayload)`.
  func hasValidSignature(encodedPayload payload: [UInt8], key: Curve25519.Signing.PublicKey) -> Bool {
    guard signature.count == Self.signatureLength else { return false }
    return key.isValidSignature(signature, for: encodedHeader + [UInt8(ascii: ".")] + payload)
  }

  /// Signs: the compact serialisation of `headerJSON` over `encodedPayload`, with the payload segment left empty
  /// when `detached`.
  static func sign(
    headerJSON: String, encodedPayload: String, detached: Bool, key: Curve25519.Signing.PrivateKey
  ) throws(JOSESigningError) -> String {
    let encodedHeader = Base64URL.encode(headerJSON.utf8)
    let signature: [UInt8]
    do {
      signature = Array(try key.signature(for: Array((encodedHeader + "." + encodedPayload).utf8)))
    } catch {
      throw .signingFailed
    }
    return encodedHeader + "." + (detached ? "" : encodedPayload) + "." + Base64URL.encode(signature)
  }
}
