import Crypto
import TestTags
import Testing

@testable import Contract
@testable import JOSE

@Suite("DetachedJWS (vi-signature of intake commands)", .tags(.unit))
struct DetachedJWSTests {
  private let organisation = AuthFixtures.organisation
  private let payload = AuthFixtures.payload
  private let publicKey = AuthFixtures.organisationKey.publicKey

  private func sign(
    _ payload: [UInt8] = AuthFixtures.payload, keyID: String = AuthFixtures.organisation
  ) throws
    -> String
  {
    try DetachedJWS.sign(payload: payload, keyID: keyID, key: AuthFixtures.organisationKey)
  }

  /// The code of the error reading and verifying `signature` over ``payload`` as ``organisation``'s.
  private func code(_ signature: String?, payload: [UInt8] = AuthFixtures.payload) -> String? {
    do {
      try DetachedJWS(signature).verify(payload: payload, organisationId: organisation, key: publicKey)
      return nil
    } catch {
      return error.code
    }
  }

  @Test("a signature verifies over the bytes it was made for")
  func roundTrip() throws {
    let signature = try sign()
    let jws = try DetachedJWS(signature)
    #expect(jws.keyID == organisation)
    try jws.verify(payload: payload, organisationId: organisation, key: publicKey)
    try jws.verify(
      payload: payload, organisationId: organisation,
      registeredKey: OrganisationKey.registryForm(of: publicKey))
    try DetachedJWS(Array(signature.utf8)).verify(payload: payload, organisationId: organisation, key: publicKey)
  }

  @Test("the signature is in detached compact form with the expected protected header")
  func shape() throws {
    let parts = try sign().split(separator: ".", omittingEmptySubsequences: false)
    #expect(parts.count == 3)
    #expect(parts[1].isEmpty)
    #expect(try Base64URL.decode(parts[0]) == Array(#"{"alg":"EdDSA","kid":"org-school-1"}"#.utf8))
    #expect(try Base64URL.decode(parts[2]).count == 64)
  }

  @Test("signs and verifies an empty payload and a 64 KiB one")
  func payloadSizes() throws {
    for payload in [[], [UInt8](repeating: 0x7B, count: 64 * 1024)] {
      try DetachedJWS(sign(payload)).verify(payload: payload, organisationId: organisation, key: publicKey)
    }
  }

  @Test("RFC 8037 A.4: the example JWS, detached, verifies with the A.1 key, and a kid is still required")
  func rfc8037Vector() throws {
    let parts = AuthFixtures.rfc8037JWS.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    let payload = try Base64URL.decode(parts[1])
    #expect(payload == Array("Example of Ed25519 signing".utf8))
    let key = try OrganisationKey.parse(AuthFixtures.rfc8037PublicKey)

    let attached = try CompactJWS(parsing: Array(AuthFixtures.rfc8037JWS.utf8))
    try attached.requireEdDSA()
    #expect(attached.hasValidSignature(encodedPayload: Array(parts[1].utf8), key: key))

    let detached = try CompactJWS(parsing: Array((parts[0] + ".." + parts[2]).utf8))
    #expect(detached.hasValidSignature(encodedPayload: Array(Base64URL.encode(payload).utf8), key: key))
    #expect(!detached.hasValidSignature(encodedPayload: Array(Base64URL.encode(payload + [0]).utf8), key: key))

    #expect(throws: DetachedJWSError.keyID("has no kid")) { try DetachedJWS(parts[0] + ".." + parts[2]) }
  }

  #if os(Linux)
  @Test("RFC 8037 A.4: signing the example with the A.1 private key gives exactly the RFC's signature")
  func rfc8037Signing() throws {
    let key = try Curve25519.Signing.PrivateKey(rawRepresentation: Base64URL.decode(AuthFixtures.rfc8037PrivateKey))
    let jws = try CompactJWS.sign(
      headerJSON: #"{"alg":"EdDSA"}"#, encodedPayload: Base64URL.encode("Example of Ed25519 signing".utf8),
      detached: false, key: key)
    #expect(jws == AuthFixtures.rfc8037JWS)
  }
  #endif

  @Test("a changed payload byte does not verify")
  func tamperedPayload() throws {
    let signature = try sign()
    for index in [0, payload.count / 2, payload.count - 1] {
      var tampered = payload
      tampered[index] ^= 0x01
      #expect(code(signature, payload: tampered) == "signature.invalid")
    }
    #expect(code(signature, payload: payload + [0x20]) == "signature.invalid")
  }

  @Test("a changed signature byte does not verify")
  func tamperedSignature() throws {
    let parts = try sign().split(separator: ".", omittingEmptySubsequences: false)
    var signature = try Base64URL.decode(parts[2])
    signature[10] ^= 0x80
    #expect(code(parts[0] + ".." + Base64URL.encode(signature)) == "signature.invalid")
    #expect(code(parts[0] + ".." + Base64URL.encode(signature.prefix(63))) == "signature.invalid")
  }

  @Test("another organisation's key, even with our kid, does not verify")
  func otherKey() throws {
    let signature = try DetachedJWS.sign(payload: payload, keyID: organisation, key: AuthFixtures.otherOrganisationKey)
    #expect(code(signature) == "signature.invalid")
  }

  @Test("a kid of another organisation is refused before the signature is checked")
  func kidMismatch() throws {
    let signature = try DetachedJWS.sign(
      payload: payload, keyID: AuthFixtures.otherOrganisation, key: AuthFixtures.otherOrganisationKey)
    let jws = try DetachedJWS(signature)
    #expect(jws.keyID == AuthFixtures.otherOrganisation)
    #expect(code(signature) == "signature.kid")
  }

  @Test(
    "only alg EdDSA is accepted",
    arguments: [
      #"{"alg":"none","kid":"org-school-1"}"#, #"{"alg":"HS256","kid":"org-school-1"}"#,
      #"{"alg":"ES256","kid":"org-school-1"}"#, #"{"alg":"Ed25519","kid":"org-school-1"}"#,
      #"{"alg":"eddsa","kid":"org-school-1"}"#, #"{"alg":"EdDSA ","kid":"org-school-1"}"#,
      #"{"kid":"org-school-1"}"#, #"{"alg":["EdDSA"],"kid":"org-school-1"}"#, "{}",
    ])
  func algorithms(header: String) throws {
    #expect(code(try AuthFixtures.detached(header: header)) == "signature.algorithm")
  }

  @Test("alg none with an empty signature is refused")
  func algNoneUnsigned() {
    #expect(code(Base64URL.encode(#"{"alg":"none","kid":"org-school-1"}"#.utf8) + "..") == "signature.algorithm")
  }

  @Test(
    "a kid that is missing, empty or not a string is refused",
    arguments: [
      #"{"alg":"EdDSA"}"#, #"{"alg":"EdDSA","kid":""}"#, #"{"alg":"EdDSA","kid":42}"#,
      #"{"alg":"EdDSA","kid":["org-school-1"]}"#, #"{"alg":"EdDSA","kid":null}"#,
    ])
  func keyIDs(header: String) throws {
    #expect(code(try AuthFixtures.detached(header: header)) == "signature.kid")
  }

  @Test(
    "crit and b64 are refused",
    arguments: [
      #"{"alg":"EdDSA","kid":"org-school-1","crit":["exp"],"exp":1}"#,
      #"{"alg":"EdDSA","kid":"org-school-1","b64":false,"crit":["b64"]}"#,
      #"{"alg":"EdDSA","kid":"org-school-1","b64":true}"#, #"{"alg":"EdDSA","kid":"org-school-1","crit":[]}"#,
    ])
  func extensions(header: String) throws {
    #expect(code(try AuthFixtures.detached(header: header)) == "signature.unsupported")
  }

  @Test("other header members such as typ are ignored")
  func otherMembers() throws {
    let signature = try AuthFixtures.detached(header: #"{"typ":"JOSE","alg":"EdDSA","kid":"org-school-1","x":{}}"#)
    #expect(code(signature) == nil)
  }

  @Test("a duplicate alg or kid is refused, whichever value comes last")
  func duplicateMembers() throws {
    #expect(
      code(try AuthFixtures.detached(header: #"{"alg":"EdDSA","kid":"org-school-1","alg":"none"}"#))
        == "signature.malformed")
    #expect(
      code(try AuthFixtures.detached(header: #"{"alg":"EdDSA","kid":"org-jgz-2","kid":"org-school-1"}"#))
        == "signature.malformed")
  }

  @Test("no header, or an empty one, is missing")
  func missing() {
    #expect(code(nil) == "signature.missing")
    #expect(code("") == "signature.missing")
    #expect(throws: DetachedJWSError.missing) { try DetachedJWS([UInt8]?.none) }
  }

  @Test(
    "garbage is malformed",
    arguments: [
      "x", "..", "...", "a.b", "a..b..c", "not a jws", "W10..", "bnVsbA..",
      "eyJhbGciOiJFZERTQSJ9..abc=", "eyJhbGciOiJFZERTQSJ9..ab+/", "eyJhbGciOiJFZERTQSJ9 ..AAAA",
      "eyJhbGciOiJFZERTQSJ9.\u{0}.AAAA", "é..AAAA", "{\"alg\":\"EdDSA\"}..AAAA",
    ])
  func garbage(text: String) {
    #expect(code(text) == "signature.malformed")
  }

  @Test("invalid UTF-8 in the header value is malformed, not missing")
  func invalidBytes() {
    let error = #expect(throws: DetachedJWSError.self) { try DetachedJWS([0xFF, 0x2E, 0x2E, 0x41]) }
    #expect(error?.code == "signature.malformed")
  }

  @Test("an attached payload is refused: the payload must be detached")
  func attached() throws {
    let signature = try AuthFixtures.jws(
      header: #"{"alg":"EdDSA","kid":"org-school-1"}"#, payload: String(decoding: payload, as: UTF8.self))
    #expect(code(signature) == "signature.malformed")
  }

  @Test("a header value longer than 4 KiB is refused without being read")
  func tooLong() throws {
    let header = #"{"alg":"EdDSA","kid":"org-school-1","pad":"\#(String(repeating: "x", count: 4000))"}"#
    #expect(code(try AuthFixtures.detached(header: header)) == "signature.malformed")
    #expect(code(String(repeating: "A", count: 100_000)) == "signature.malformed")
  }

  @Test(
    "an unreadable registered key is signature.key",
    arguments: ["", "abc", "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo="])
  func registeredKey(registeredKey: String) throws {
    let jws = try DetachedJWS(sign())
    let error = #expect(throws: DetachedJWSError.self) {
      try jws.verify(payload: payload, organisationId: organisation, registeredKey: registeredKey)
    }
    #expect(error?.code == "signature.key")
  }

  @Test("signing with an empty kid is refused")
  func emptyKeyID() {
    #expect(throws: JOSESigningError.emptyValue("kid")) { try sign(keyID: "") }
  }

  @Test("every error is a rejection entry for vi-signature with a stable code and a message without secrets")
  func rejectionEntries() throws {
    let errors: [DetachedJWSError] = [
      .missing, .malformed("is not a JWS"), .algorithm, .unsupported("has crit"), .keyID("has no kid"),
      .key(.empty), .invalid,
    ]
    #expect(
      errors.map(\.code) == [
        "signature.missing", "signature.malformed", "signature.algorithm", "signature.unsupported", "signature.kid",
        "signature.key", "signature.invalid",
      ])
    for error in errors {
      let issue = error.validationIssue
      #expect(issue.field == "vi-signature")
      #expect(issue.code == error.code)
      #expect(!issue.message.isEmpty)
    }
    let signature = try sign()
    var tampered = payload
    tampered[5] ^= 1
    do {
      try DetachedJWS(signature).verify(payload: tampered, organisationId: organisation, key: publicKey)
      Issue.record("expected a failure")
    } catch {
      #expect(!error.message.contains(signature.split(separator: ".").last!))
      #expect(!error.message.contains("specversion"))
    }
  }
}
