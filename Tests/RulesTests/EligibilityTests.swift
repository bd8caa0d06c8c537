import Rules
import TestTags
import Testing

@Suite("Eligibility", .tags(.unit))
struct EligibilityTests {
  static let (anna, bram, cora) = (Signallers.anna, Signallers.bram, Signallers.cora)

  @Test("another professional of another organisation is matched")
  func otherOrganisation() {
    for same in [false, true] {
      let rule = Eligibility(matchSameOrganisation: same)
      #expect(rule.allows(Self.anna, Self.cora) && rule.allows(Self.cora, Self.anna))
    }
  }

  @Test("a professional of the same organisation only where the region configures it")
  func sameOrganisation() {
    #expect(!Eligibility(matchSameOrganisation: false).allows(Self.anna, Self.bram))
    #expect(Eligibility(matchSameOrganisation: true).allows(Self.anna, Self.bram))
  }

  @Test("never the same professional, also under another organisation")
  func sameProfessional() {
    let elsewhere = Signaller(professionalId: "anna", organisationId: "jgz-1")
    for same in [false, true] {
      let rule = Eligibility(matchSameOrganisation: same)
      #expect(!rule.allows(Self.anna, Self.anna) && !rule.allows(Self.anna, elsewhere))
    }
  }

  @Test("the SQL names the two aliases' columns")
  func sqlText() {
    #expect(Eligibility(matchSameOrganisation: true).sql("o", "n") == "(o.professional_id <> n.professional_id)")
    #expect(
      Eligibility(matchSameOrganisation: false).sql("a", "b")
        == "(a.professional_id <> b.professional_id AND a.organisation_id <> b.organisation_id)")
  }
}
