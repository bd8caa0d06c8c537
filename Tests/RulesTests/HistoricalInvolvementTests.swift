import Foundation
import Rules
import TestTags
import Testing

@Suite("Historical involvement", .tags(.unit))
struct HistoricalInvolvementTests {
  static let (anna, bram, cora) = (Signallers.anna, Signallers.bram, Signallers.cora)

  @Test("an archived signal on the same child, by an eligible professional")
  func concerns() {
    let rule = HistoricalInvolvement(eligibility: Eligibility(matchSameOrganisation: false))
    #expect(rule.concerns(status: .archived, sameChild: true, by: Self.cora, newBy: Self.anna))
    #expect(!rule.concerns(status: .active, sameChild: true, by: Self.cora, newBy: Self.anna))
    #expect(!rule.concerns(status: .archived, sameChild: false, by: Self.cora, newBy: Self.anna))
    #expect(!rule.concerns(status: .archived, sameChild: true, by: Self.bram, newBy: Self.anna))
    #expect(!rule.concerns(status: .archived, sameChild: true, by: Self.anna, newBy: Self.anna))
    let sameOrganisation = HistoricalInvolvement(eligibility: Eligibility(matchSameOrganisation: true))
    #expect(sameOrganisation.concerns(status: .archived, sameChild: true, by: Self.bram, newBy: Self.anna))
  }

  @Test("each archived signal is shown once per professional")
  func once() {
    var rule = HistoricalInvolvement(eligibility: Eligibility(matchSameOrganisation: false))
    let archived = UUID()
    let first = rule.show(archived, to: "anna")
    let again = rule.show(archived, to: "anna")
    let toAnother = rule.show(archived, to: "bram")
    let another = rule.show(UUID(), to: "anna")
    #expect(first && !again && toAnother && another)
    #expect(rule.shown.count == 3)
  }
}
