import Crypto
import TestTags
import Testing

@testable import JOSE

@Suite("OrganisationKey", .tags(.unit))
struct OrganisationKeyTests {
  @Test("reads back the registry form of a key")
  func roundTrip() throws {
    let key = Curve25519.Signing.PrivateKey().publicKey
    let registryForm = OrganisationKey.registryForm(of: key)
    #expect(registryForm.count == 43)
    #expect(try OrganisationKey.parse(registryForm).rawRepresentation == key.rawRepresentation)
  }

  @Test("reads the RFC 8037 A.1 public key, which is the public key of its private key")
  func rfc8037() throws {
    let privateKey = try Curve25519.Signing.PrivateKey(
      rawRepresentation: Base64URL.decode(AuthFixtures.rfc8037PrivateKey))
    let publicKey = try OrganisationKey.parse(AuthFixtures.rfc8037PublicKey)
    #expect(publicKey.rawRepresentation == privateKey.publicKey.rawRepresentation)
  }

  @Test("rejects an empty key")
  func empty() {
    #expect(throws: OrganisationKeyError.empty) { try OrganisationKey.parse("") }
  }

  @Test(
    "rejects what is not unpadded base64url",
    arguments: [
      "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo=", "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo",
      "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURp",
    ])
  func notBase64URL(text: String) {
    let error = #expect(throws: OrganisationKeyError.self) { try OrganisationKey.parse(text) }
    guard case .notBase64URL = error else {
      Issue.record("expected notBase64URL, got \(String(describing: error))")
      return
    }
  }

  @Test("rejects keys that are not 32 bytes", arguments: [16, 31, 33, 64])
  func wrongLength(bytes: Int) {
    let text = Base64URL.encode([UInt8](repeating: 7, count: bytes))
    #expect(throws: OrganisationKeyError.wrongLength(bytes: bytes)) { try OrganisationKey.parse(text) }
  }

  @Test("rejects a very long value without decoding it")
  func farTooLong() {
    #expect(throws: OrganisationKeyError.wrongLength(bytes: nil)) {
      try OrganisationKey.parse(String(repeating: "A", count: 10_000))
    }
  }

  @Test("explains what to register")
  func message() {
    #expect(OrganisationKeyError.wrongLength(bytes: 31).description.contains("32 raw bytes"))
  }
}
