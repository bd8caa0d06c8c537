import Contract
import TestTags
import Testing

@testable import SignalIntake

@Suite("Addresses for address matches", .tags(.unit))
struct AddressTests {
  @Test(
    "one address written several ways has one key",
    arguments: [
      Address(postcode: "1234 ab", houseNumber: "12", houseNumberAddition: "a"),
      Address(postcode: "1234AB", houseNumber: "12", houseNumberAddition: "A"),
      Address(written: "1234AB 12-A")!, Address(written: "1234 AB 12 a")!,
    ])
  func sameKey(address: Address) {
    #expect(address.key == "1234AB|12|A")
  }

  @Test("text that is not an address is refused", arguments: ["", "1234AB", "1234AB twelve", "nonsense"])
  func notAnAddress(text: String) {
    #expect(Address(written: text) == nil)
  }

  @Test("an address becomes a pseudonym, except an institutional address, which makes none")
  func institutional() throws {
    let home = Address(postcode: "1234AB", houseNumber: "12", houseNumberAddition: nil)
    let institution = Address(postcode: "9999ZZ", houseNumber: "1", houseNumberAddition: nil)
    var validator = Fixtures.validator
    validator.institutionalAddresses = [institution.key!]
    let atHome = try validator.register(
      Fixtures.register(child: Fixtures.child(address: home)), organisationId: "org-1"
    ).get()
    let inInstitution = try validator.register(
      Fixtures.register(child: Fixtures.child(address: institution)), organisationId: "org-1"
    ).get()
    let pseudonym = try #require(atHome.child.addressPseudonym)
    #expect(!pseudonym.value.contains("1234"))
    #expect(inInstitution.child.addressPseudonym == nil)
  }
}
