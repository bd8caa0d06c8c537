import Crypto
import Foundation

@testable import JOSE

/// Keys, a fixed clock and hand-made JOSE objects for the Auth tests.
enum AuthFixtures {
  /// RFC 8037 Appendix A.1: the private key `d` of the example Ed25519 key.
  static let rfc8037PrivateKey = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"
  /// RFC 8037 Appendix A.1: the public key `x` of the example Ed25519 key.
  static let rfc8037PublicKey = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"
  /// RFC 8037 Appendix A.4: the JWS of "Example of Ed25519 signing" with protected header `{"alg":"EdDSA"}`.
  static let rfc8037JWS =
    "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc"
    + ".hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg"

  static let organisation = "org-school-1"
  static let otherOrganisation = "org-jgz-2"
  static let organisationKey = Curve25519.Signing.PrivateKey()
  static let otherOrganisationKey = Curve25519.Signing.PrivateKey()

  /// 2025-06-15T15:06:40Z.
  static let now = Date(timeIntervalSince1970: 1_750_000_000)

  /// A command value such as an organisation produces.
  static let payload = Array(
    #"{"specversion":"1.0","id":"c-1","source":"urn:vi:org:org-school-1","type":"nl.verwijsindex.signal.end.v1"}"#
      .utf8)

  /// The registry: the public keys of both organisations.
  static func registry(_ issuer: String) -> Curve25519.Signing.PublicKey? {
    switch issuer {
    case organisation: organisationKey.publicKey
    case otherOrganisation: otherOrganisationKey.publicKey
    default: nil
    }
  }

  /// A compact JWS with any header and payload JSON, properly signed with `key`: for tokens our minting never makes.
  static func jws(
    header: String, payload: String, detached: Bool = false, key: Curve25519.Signing.PrivateKey = organisationKey
  ) throws -> String {
    try CompactJWS.sign(
      headerJSON: header, encodedPayload: Base64URL.encode(payload.utf8), detached: detached, key: key)
  }

  /// A detached `vi-signature` with any protected header, properly signed over ``payload``.
  static func detached(header: String, key: Curve25519.Signing.PrivateKey = organisationKey) throws -> String {
    try CompactJWS.sign(
      headerJSON: header, encodedPayload: Base64URL.encode(payload), detached: true, key: key)
  }

  /// JWT claims with `iss` ``organisation``, `sub` `prof-123` and `exp` `expiresIn` seconds after ``now``, plus
  /// `extra` members.
  static func claims(expiresIn: Int? = 300, extra: String = "") -> String {
    let issuedAt = Int(now.timeIntervalSince1970)
    var members = [#""iss":"\#(organisation)""#, #""sub":"prof-123""#, #""iat":\#(issuedAt)"#]
    if let expiresIn { members.append(#""exp":\#(issuedAt + expiresIn)"#) }
    if !extra.isEmpty { members.append(extra) }
    return "{" + members.joined(separator: ",") + "}"
  }
}
