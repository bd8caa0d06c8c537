import Contract
import TestTags
import Testing

@testable import SignalIntake

@Suite("Validation of register commands", .tags(.unit))
struct RegisterValidationTests {
  @Test("a complete command is valid and pseudonymised")
  func valid() throws {
    let result = Fixtures.validator.register(Fixtures.register(), organisationId: "org-1")
    let registration = try result.get()
    #expect(registration.child.initials == "P.J. Jansen")
    #expect(registration.childPseudonym.value.count == 64)
    #expect(!registration.childPseudonym.value.contains("111222333"))
  }

  /// Each row: a command that breaks one rule, and the code the rule reports.
  static let broken: [(String, CommandData?, String)] = [
    ("no data", nil, "required"),
    ("no professional", Fixtures.register(professionalId: nil), "required"),
    ("unknown professional", Fixtures.register(professionalId: "nobody"), "professional.unknown"),
    ("inactive professional", Fixtures.register(professionalId: "prof-off"), "professional.inactive"),
    ("professional of another organisation", Fixtures.register(professionalId: "prof-2"), "professional.organisation"),
    ("reference too long", Fixtures.register(reference: String(repeating: "x", count: 65)), "length"),
    ("NUL in the reference", Fixtures.register(reference: "A\u{0}B"), "text.control"),
    ("line break in the family name", Fixtures.register(child: Fixtures.child(familyName: "Jan\nsen")), "text.control"),
    ("NUL in the professional id", Fixtures.register(professionalId: "prof\u{0}"), "text.control"),
    ("no informed", Fixtures.register(informed: nil), "required"),
    ("informed not an enum value", Fixtures.register(informed: "everyone"), "enum"),
    ("informed child for a child of 10", Fixtures.register(informed: "child"), "informed.age"),
    ("no child", Fixtures.register(child: nil), "required"),
    ("BSN fails the elfproef", Fixtures.register(child: Fixtures.child(bsn: "123456789")), "bsn.invalid"),
    ("BSN of 8 digits", Fixtures.register(child: Fixtures.child(bsn: "12345678")), "bsn.invalid"),
    ("no family name", Fixtures.register(child: Fixtures.child(familyName: nil)), "required"),
    ("blank family name", Fixtures.register(child: Fixtures.child(familyName: "  ")), "required"),
    (
      "family name too long",
      Fixtures.register(child: Fixtures.child(familyName: String(repeating: "a", count: 201))), "length"
    ),
    ("no birth date", Fixtures.register(child: Fixtures.child(birthDate: nil)), "required"),
    ("birth date not a date", Fixtures.register(child: Fixtures.child(birthDate: "2016-02-30")), "date.invalid"),
    ("birth date badly written", Fixtures.register(child: Fixtures.child(birthDate: "1-1-2016")), "date.invalid"),
    ("birth date in the future", Fixtures.register(child: Fixtures.child(birthDate: "2026-06-16")), "date.future"),
    ("23 on the day of the signal", Fixtures.register(child: Fixtures.child(birthDate: "2003-06-15")), "age.limit"),
    ("no gender", Fixtures.register(child: Fixtures.child(gender: nil)), "required"),
    ("gender not M, V or O", Fixtures.register(child: Fixtures.child(gender: "X")), "enum"),
    ("parent BSN invalid", Fixtures.register(child: Fixtures.child(parentBsns: ["123456789"])), "bsn.invalid"),
    ("parent BSN is the child's", Fixtures.register(child: Fixtures.child(parentBsns: ["111222333"])), "bsn.parent"),
    (
      "five parents", Fixtures.register(child: Fixtures.child(parentBsns: Array(repeating: "123456782", count: 5))),
      "length"
    ),
    (
      "postcode invalid",
      Fixtures.register(
        child: Fixtures.child(address: Address(postcode: "0123AB", houseNumber: "1", houseNumberAddition: nil))),
      "postcode.invalid"
    ),
    (
      "house number invalid",
      Fixtures.register(
        child: Fixtures.child(address: Address(postcode: "1234AB", houseNumber: "0", houseNumberAddition: nil))),
      "houseNumber.invalid"
    ),
  ]

  @Test("each broken rule is reported with its code", arguments: broken)
  func rejected(_ row: (String, CommandData?, String)) {
    let (name, data, code) = row
    #expect(Fixtures.registerCodes(data).contains(code), "\(name): got \(Fixtures.registerCodes(data))")
  }

  @Test("the organisation must be registered and active")
  func organisation() {
    #expect(Fixtures.registerCodes(Fixtures.register(), organisationId: "org-unknown").contains("organisation.unknown"))
    #expect(
      Fixtures.registerCodes(Fixtures.register(professionalId: "prof-2"), organisationId: "org-off").contains(
        "organisation.inactive"))
  }

  @Test("every problem of a command is reported, not only the first")
  func allErrorsTogether() {
    let data = Fixtures.register(
      professionalId: "nobody", informed: "x",
      child: Fixtures.child(bsn: "1", familyName: nil, birthDate: "2099-01-01", gender: "?"))
    #expect(
      Set(Fixtures.registerCodes(data))
        == ["professional.unknown", "enum", "bsn.invalid", "required", "date.future"])
  }

  /// Valid edge cases: the day before the 23rd birthday, born today, no BSN, a valid address, two parents.
  static let edges: [(String, CommandData)] = [
    ("22 years and 364 days", Fixtures.register(informed: "child", child: Fixtures.child(birthDate: "2003-06-16"))),
    ("born today", Fixtures.register(child: Fixtures.child(birthDate: "2026-06-15"))),
    ("no BSN", Fixtures.register(child: Fixtures.child(bsn: nil))),
    (
      "address with space in postcode",
      Fixtures.register(
        child: Fixtures.child(address: Address(postcode: "1234 ab", houseNumber: "12", houseNumberAddition: "A")))
    ),
    ("two parents", Fixtures.register(child: Fixtures.child(parentBsns: ["123456782", "999999990"]))),
    ("withheld", Fixtures.register(informed: "withheld")),
  ]

  @Test("valid edge cases pass", arguments: edges)
  func edgeCases(_ row: (String, CommandData)) {
    #expect(Fixtures.registerCodes(row.1) == [], "\(row.0)")
  }
}
