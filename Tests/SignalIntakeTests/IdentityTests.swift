import Contract
import TestTags
import Testing

@testable import SignalIntake

@Suite("Pseudonyms and identity without a BSN", .tags(.unit))
struct IdentityTests {
  static let pseudonymizer = Pseudonymizer(key: Array(repeating: 7, count: 32))

  @Test("case, diacritics and spacing do not change the identity of a child without a BSN")
  func normalisation() {
    let date = CalendarDate("2016-01-01")!
    let one = Self.pseudonymizer.pseudonym(familyName: "Van der Berg-Ünal", birthDate: date, gender: "M")
    let two = Self.pseudonymizer.pseudonym(familyName: "van  der berg unal", birthDate: date, gender: "m")
    #expect(one == two)
    #expect(one != Self.pseudonymizer.pseudonym(familyName: "Van der Berg", birthDate: date, gender: "M"))
    #expect(one != Self.pseudonymizer.pseudonym(familyName: "Van der Berg-Ünal", birthDate: date, gender: "V"))
  }

  @Test("the pseudonym depends on the key, and never contains the BSN")
  func keyed() {
    let bsn = BSN("111222333")!
    let other = Pseudonymizer(key: Array(repeating: 8, count: 32))
    #expect(Self.pseudonymizer.pseudonym(for: bsn) != other.pseudonym(for: bsn))
    #expect(!Self.pseudonymizer.pseudonym(for: bsn).value.contains(bsn.digits))
  }

  @Test("without a BSN the command is identified by name, birth date and gender")
  func withoutBSN() throws {
    let first = try Fixtures.validator.register(
      Fixtures.register(child: Fixtures.child(bsn: nil, familyName: "Jansen")), organisationId: "org-1"
    ).get()
    let second = try Fixtures.validator.register(
      Fixtures.register(child: Fixtures.child(bsn: nil, familyName: "JANSEN ")), organisationId: "org-1"
    ).get()
    #expect(first.childPseudonym == second.childPseudonym)
  }

  @Test(
    "informed rules by age",
    arguments: [(5, "parents"), (12, "parentsAndChild"), (15, "parentsAndChild"), (16, "child"), (22, "child")])
  func informed(_ row: (Int, String)) {
    let allowed = CommandValidator.allowedInformed(age: row.0)
    #expect(allowed.contains(Informed(rawValue: row.1)!))
    #expect(allowed.contains(.withheld))
    #expect(allowed.count == 2)
  }

  @Test("ages count whole years in the Amsterdam calendar; 29 February turns a year older on 1 March")
  func ages() {
    let leap = CalendarDate("2008-02-29")!
    #expect(leap.age(on: CalendarDate("2031-02-28")!) == 22)
    #expect(leap.age(on: CalendarDate("2031-03-01")!) == 23)
    #expect(leap.age(on: CalendarDate("2032-02-29")!) == 24)
    #expect(CalendarDate("2010-06-15")!.age(on: CalendarDate("2026-06-14")!) == 15)
    #expect(CalendarDate("2010-06-15")!.age(on: CalendarDate("2026-06-15")!) == 16)
  }
}

@Suite("Rotation of the pseudonym key", .tags(.unit))
struct KeyRotationTests {
  @Test("during a rotation the validated command carries the pseudonyms under the previous key")
  func rekeying() throws {
    let oldKey = Array(repeating: UInt8(7), count: 32)
    let newKey = Array(repeating: UInt8(9), count: 32)
    let data = Fixtures.register(child: Fixtures.child(parentBsns: ["123456782"]))
    let before = try CommandValidator(
      registry: Fixtures.registry, pseudonymizer: Pseudonymizer(key: oldKey), now: Fixtures.now
    ).register(data, organisationId: "org-1").get()
    let after = try CommandValidator(
      registry: Fixtures.registry, pseudonymizer: Pseudonymizer(key: newKey, previousKey: oldKey), now: Fixtures.now
    ).register(data, organisationId: "org-1").get()
    #expect(before.rekeying == nil)
    #expect(after.childPseudonym != before.childPseudonym)
    #expect(after.rekeying?.child == before.childPseudonym)
    #expect(after.rekeying?.parents == [before.child.parentPseudonyms[0]: after.child.parentPseudonyms[0]])
  }

  @Test("the rekeying survives the event's JSON")
  func coding() throws {
    let rekeying = Rekeying(child: Pseudonym(value: "a"), parents: [Pseudonym(value: "b"): Pseudonym(value: "c")])
    #expect(try EventCoding.decode(Rekeying.self, from: EventCoding.encode(rekeying)) == rekeying)
  }
}
