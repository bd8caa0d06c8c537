import Crypto
import Foundation
import TestTags
import Testing

@testable import Contract
@testable import JOSE

@Suite("BearerToken (JWT of the HTTP API)", .tags(.unit))
struct BearerTokenTests {
  private let now = AuthFixtures.now

  private func mint(
    subject: String = "prof-123", lifetime: TimeInterval = 300, at time: Date = AuthFixtures.now,
    key: Curve25519.Signing.PrivateKey = AuthFixtures.organisationKey
  ) throws -> String {
    try BearerToken.mint(issuer: AuthFixtures.organisation, subject: subject, lifetime: lifetime, now: time, key: key)
  }

  private func verify(_ token: String, at time: Date = AuthFixtures.now) throws(BearerTokenError) -> BearerToken {
    try BearerToken.verify(token, now: time, key: AuthFixtures.registry)
  }

  /// The code of the error verifying `token`, `nil` when it verifies.
  private func code(_ token: String, at time: Date = AuthFixtures.now) -> String? {
    do {
      _ = try verify(token, at: time)
      return nil
    } catch {
      return error.code
    }
  }

  /// A token with `header` and `claims`, properly signed with the organisation's key.
  private func token(
    header: String = #"{"alg":"EdDSA","typ":"JWT"}"#, claims: String = AuthFixtures.claims()
  )
    throws -> String
  {
    try AuthFixtures.jws(header: header, payload: claims)
  }

  @Test("a minted token verifies and names the organisation, professional and expiry")
  func roundTrip() throws {
    let verified = try verify(mint(lifetime: 900))
    #expect(verified.organisationId == AuthFixtures.organisation)
    #expect(verified.professionalId == "prof-123")
    #expect(verified.expiresAt == now.addingTimeInterval(900))
  }

  @Test("a minted token has the documented header and claims")
  func shape() throws {
    let parts = try mint(at: now.addingTimeInterval(0.75)).split(separator: ".", omittingEmptySubsequences: false)
    #expect(parts.count == 3)
    #expect(try Base64URL.decode(parts[0]) == Array(#"{"alg":"EdDSA","typ":"JWT"}"#.utf8))
    #expect(
      try Base64URL.decode(parts[1])
        == Array(#"{"iss":"org-school-1","sub":"prof-123","iat":1750000000,"exp":1750000300}"#.utf8))
  }

  @Test("the Authorization header is read with a case-insensitive Bearer scheme")
  func authorizationHeader() throws {
    let token = try mint()
    for value in ["Bearer \(token)", "bearer \(token)", "BEARER  \(token)"] {
      #expect(
        try BearerToken.verify(authorization: value, now: now, key: AuthFixtures.registry).professionalId == "prof-123")
    }
  }

  @Test(
    "no bearer token is token.missing", arguments: [nil, "", "Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Token abc"])
  func missing(authorization: String?) {
    let error = #expect(throws: BearerTokenError.self) {
      try BearerToken.verify(authorization: authorization, now: now, key: AuthFixtures.registry)
    }
    #expect(error == .missing)
  }

  @Test("the token decides which professional and organisation it may act for")
  func authorises() throws {
    let verified = try verify(mint())
    #expect(verified.authorises(professionalId: "prof-123"))
    #expect(!verified.authorises(professionalId: "prof-999"))
    let professional = Professional(
      id: "prof-123", organisationId: AuthFixtures.organisation, name: "A", email: "a@example.nl", phone: "",
      active: true)
    #expect(verified.authorises(professional))
    var elsewhere = professional
    elsewhere.organisationId = AuthFixtures.otherOrganisation
    #expect(!verified.authorises(elsewhere))
  }

  @Test(
    "only alg EdDSA is accepted",
    arguments: [
      #"{"alg":"none","typ":"JWT"}"#, #"{"alg":"HS256","typ":"JWT"}"#, #"{"alg":"ES256","typ":"JWT"}"#,
      #"{"alg":"RS256"}"#, #"{"alg":"Ed25519"}"#, #"{"alg":"NONE"}"#, #"{"typ":"JWT"}"#, #"{"alg":null}"#,
    ])
  func algorithms(header: String) throws {
    #expect(code(try token(header: header)) == "token.algorithm")
  }

  @Test("the classic unsigned alg none token is refused")
  func unsignedNone() {
    let unsigned =
      Base64URL.encode(#"{"alg":"none","typ":"JWT"}"#.utf8) + "." + Base64URL.encode(AuthFixtures.claims().utf8) + "."
    #expect(code(unsigned) == "token.algorithm")
  }

  @Test("an HS256 token whose secret is the public key is refused")
  func keyConfusion() throws {
    let header = Base64URL.encode(#"{"alg":"HS256","typ":"JWT"}"#.utf8)
    let claims = Base64URL.encode(AuthFixtures.claims().utf8)
    let mac = HMAC<SHA256>.authenticationCode(
      for: Array((header + "." + claims).utf8),
      using: SymmetricKey(data: AuthFixtures.organisationKey.publicKey.rawRepresentation))
    #expect(code(header + "." + claims + "." + Base64URL.encode(mac)) == "token.algorithm")
  }

  @Test(
    "typ may be absent or JWT, nothing else",
    arguments: [
      (#"{"alg":"EdDSA"}"#, true), (#"{"alg":"EdDSA","typ":"jwt"}"#, true), (#"{"alg":"EdDSA","typ":"at+jwt"}"#, false),
      (#"{"alg":"EdDSA","typ":1}"#, false),
    ])
  func type(header: String, accepted: Bool) throws {
    #expect(code(try token(header: header)) == (accepted ? nil : "token.malformed"))
  }

  @Test("crit is refused")
  func critical() throws {
    #expect(code(try token(header: #"{"alg":"EdDSA","crit":["x"],"x":1}"#)) == "token.unsupported")
  }

  @Test("a token signed by another organisation's key is token.signature")
  func otherKey() throws {
    #expect(code(try mint(key: AuthFixtures.otherOrganisationKey)) == "token.signature")
  }

  @Test("a token from an organisation that is not registered is token.issuer")
  func unknownIssuer() throws {
    let token = try BearerToken.mint(
      issuer: "org-unknown", subject: "prof-123", now: now, key: AuthFixtures.organisationKey)
    #expect(code(token) == "token.issuer")
  }

  @Test("changed claims do not verify")
  func tamperedClaims() throws {
    let parts = try mint().split(separator: ".").map(String.init)
    let forged = Base64URL.encode(
      #"{"iss":"org-school-1","sub":"prof-999","iat":1750000000,"exp":1750000300}"#.utf8)
    #expect(code(parts[0] + "." + forged + "." + parts[2]) == "token.signature")
  }

  @Test(
    "exp is checked with 60 s of clock skew and at most 1 hour ahead",
    arguments: [
      (-3600, "token.expired"), (-61, "token.expired"), (-60, "token.expired"), (-59, nil), (0, nil), (3600, nil),
      (3660, nil), (3661, "token.lifetime"), (7200, "token.lifetime"), (86_400 * 365, "token.lifetime"),
    ] as [(Int, String?)])
  func expiry(expiresIn: Int, expected: String?) throws {
    #expect(code(try token(claims: AuthFixtures.claims(expiresIn: expiresIn))) == expected)
  }

  @Test("a minted token expires: valid until exp (+ skew), refused after")
  func mintedExpiry() throws {
    let token = try mint(lifetime: 3600)
    #expect(code(token, at: now.addingTimeInterval(3659)) == nil)
    #expect(code(token, at: now.addingTimeInterval(3661)) == "token.expired")
  }

  @Test("exp must be present and a number", arguments: [nil, #""exp":"1750000300""#, #""exp":true"#, #""exp":null"#])
  func badExpiry(member: String?) throws {
    let claims = AuthFixtures.claims(expiresIn: nil, extra: member ?? "")
    let error = #expect(throws: BearerTokenError.self) { try verify(token(claims: claims)) }
    #expect(error?.code == "token.claim")
    #expect(error?.message.contains("exp") == true)
  }

  @Test(
    "nbf may not be in the future beyond the clock skew",
    arguments: [(-600, nil), (0, nil), (60, nil), (61, "token.notYetValid"), (3000, "token.notYetValid")]
      as [(Int, String?)])
  func notBefore(offset: Int, expected: String?) throws {
    let claims = AuthFixtures.claims(extra: #""nbf":\#(Int(now.timeIntervalSince1970) + offset)"#)
    #expect(code(try token(claims: claims)) == expected)
  }

  @Test(
    "iss and sub must be non-empty strings, nbf and iat numbers",
    arguments: [
      #"{"sub":"prof-123","exp":1750000300}"#, #"{"iss":"","sub":"prof-123","exp":1750000300}"#,
      #"{"iss":["org-school-1"],"sub":"prof-123","exp":1750000300}"#, #"{"iss":"org-school-1","exp":1750000300}"#,
      #"{"iss":"org-school-1","sub":"","exp":1750000300}"#, #"{"iss":"org-school-1","sub":123,"exp":1750000300}"#,
      #"{"iss":"org-school-1","sub":"prof-123","exp":1750000300,"nbf":"0"}"#,
      #"{"iss":"org-school-1","sub":"prof-123","exp":1750000300,"iat":false}"#,
    ])
  func claimTypes(claims: String) throws {
    #expect(code(try token(claims: claims)) == "token.claim")
  }

  @Test(
    "claims that are not one JSON object, or repeat a name, are malformed",
    arguments: [
      "[]", "null", "not json", #"{"iss":"org-school-1","sub":"prof-123","exp":1750000300,"sub":"prof-999"}"#,
      #"{"iss":"org-school-1","sub":"prof-123","exp":1750000300} {}"#,
    ])
  func malformedClaims(claims: String) throws {
    #expect(code(try token(claims: claims)) == "token.malformed")
  }

  @Test(
    "garbage is malformed",
    arguments: [
      "x", "a.b", "a.b.c.d", "..", "eyJhbGciOiJFZERTQSJ9", "eyJhbGciOiJFZERTQSJ9..", "Bearer abc.def.ghi",
      "eyJhbGciOiJFZERTQSJ9.e30.!!!", "e30.e30.AAAA", "bnVsbA.e30.AAAA", "\u{0}.\u{0}.\u{0}",
    ])
  func garbage(text: String) {
    let code = code(text)
    #expect(code == "token.malformed" || code == "token.algorithm", "\(text) gave \(String(describing: code))")
    #expect(code != nil)
  }

  @Test("a token longer than 4 KiB is refused without being read")
  func tooLong() throws {
    let long = try token(claims: AuthFixtures.claims(extra: #""pad":"\#(String(repeating: "x", count: 4000))""#))
    #expect(code(long) == "token.malformed")
    #expect(code(String(repeating: "A", count: 1_000_000)) == "token.malformed")
  }

  @Test(
    "minting refuses lifetimes that are not more than 0 and at most 1 hour",
    arguments: [0, -1, 3601, 7200] as [TimeInterval])
  func mintingLifetime(lifetime: TimeInterval) {
    #expect(throws: JOSESigningError.invalidLifetime(lifetime)) { try mint(lifetime: lifetime) }
  }

  @Test("minting refuses empty ids")
  func mintingIds() {
    #expect(throws: JOSESigningError.emptyValue("sub")) { try mint(subject: "") }
    #expect(throws: JOSESigningError.emptyValue("iss")) {
      try BearerToken.mint(issuer: "", subject: "p", now: now, key: AuthFixtures.organisationKey)
    }
  }

  @Test("ids with quotes and non-ASCII survive minting and verification")
  func escaping() throws {
    let subject = #"prof "ü" \ 1"#
    #expect(try verify(mint(subject: subject)).professionalId == subject)
  }

  @Test("every error is a 401 with a stable code and a message that does not echo the token")
  func errors() throws {
    let errors: [BearerTokenError] = [
      .missing, .malformed("x"), .algorithm, .unsupported("x"), .claim("exp", "is missing"), .unknownIssuer,
      .invalidSignature, .expired, .lifetimeTooLong, .notYetValid,
    ]
    #expect(
      errors.map(\.code) == [
        "token.missing", "token.malformed", "token.algorithm", "token.unsupported", "token.claim", "token.issuer",
        "token.signature", "token.expired", "token.lifetime", "token.notYetValid",
      ])
    #expect(errors.allSatisfy { $0.httpStatus == 401 && !$0.message.isEmpty })
    let token = try mint(key: AuthFixtures.otherOrganisationKey)
    let error = #expect(throws: BearerTokenError.self) { try verify(token) }
    for part in token.split(separator: ".") {
      #expect(error?.message.contains(part) == false)
    }
  }
}
