public import Crypto

/// An organisation's Ed25519 public key in the registry form of the contract: base64url (unpadded) of the 32 raw
/// bytes, e.g. the `x` of an RFC 8037 `OKP` JWK.
public enum OrganisationKey {
  /// The length of a raw Ed25519 public key.
  public static let rawLength = 32

  /// Reads a registry-form key.
  ///
  /// - Throws: ``OrganisationKeyError`` when `registryForm` is empty, not strict unpadded base64url, or does not
  ///   decode to exactly 32 bytes.
  public static func parse(_ registryForm: String) throws(OrganisationKeyError) -> Curve25519.Signing.PublicKey {
    guard !registryForm.isEmpty else { throw .empty }
    guard registryForm.utf8.count <= 256 else { throw .wrongLength(bytes: nil) }
    let raw: [UInt8]
    do {
      raw = try Base64URL.decode(registryForm)
    } catch {
      throw .notBase64URL(error)
    }
    guard raw.count == rawLength else { throw .wrongLength(bytes: raw.count) }
    do {
      return try Curve25519.Signing.PublicKey(rawRepresentation: raw)
    } catch {
      throw .wrongLength(bytes: raw.count)
    }
  }

  /// The registry form of `key`: what an organisation registers and ``parse(_:)`` reads back.
  public static func registryForm(of key: Curve25519.Signing.PublicKey) -> String {
    Base64URL.encode(key.rawRepresentation)
  }
}
