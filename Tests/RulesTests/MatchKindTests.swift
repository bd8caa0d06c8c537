import Rules
import TestTags
import Testing

@Suite("Match kinds and their precedence", .tags(.unit))
struct MatchKindTests {
  @Test("child, then family, then address")
  func precedence() {
    #expect(MatchKind.child < .family && MatchKind.family < .address)
    #expect(MatchKind.family.winning(over: .address) == .family)
    #expect(MatchKind.address.winning(over: .family) == .family)
    #expect(MatchKind.address.winning(over: .address) == .address)
  }

  @Test("what two signals share decides the kind")
  func between() {
    #expect(MatchKind.between(sameChild: true, shareParent: false, sameAddress: true, matchAddress: true) == .child)
    #expect(MatchKind.between(sameChild: false, shareParent: true, sameAddress: true, matchAddress: true) == .family)
    #expect(MatchKind.between(sameChild: false, shareParent: false, sameAddress: true, matchAddress: true) == .address)
    #expect(MatchKind.between(sameChild: false, shareParent: false, sameAddress: true, matchAddress: false) == nil)
    #expect(MatchKind.between(sameChild: false, shareParent: false, sameAddress: false, matchAddress: true) == nil)
  }

  @Test("SQL literals are the stored names")
  func literals() {
    #expect(MatchKind.allCases.map(\.sqlLiteral) == ["'child'", "'family'", "'address'"])
    #expect(SignalStatus.allCases.map(\.sqlLiteral) == ["'active'", "'archived'"])
  }
}
