import Foundation
import Rules
import TestTags
import Testing

@Suite("Regie ranking", .tags(.unit))
struct RegieRankingTests {
  static let ranking = RegieRanking(order: ["veiligthuis", "jgz"])
  static let start = Date(timeIntervalSince1970: 1_700_000_000)
  static let low = UUID(uuidString: "00000000-0000-0000-0000-000000000001")!
  static let high = UUID(uuidString: "F0000000-0000-0000-0000-000000000000")!

  static func candidate(_ type: String, after seconds: TimeInterval, _ id: UUID = UUID()) -> RegieCandidate {
    RegieCandidate(organisationType: type, registeredAt: start + seconds, signalId: id)
  }

  @Test("the organisation type ranked first has regie, also when it signalled later")
  func byType() {
    let first = Self.candidate("jgz", after: 0)
    let later = Self.candidate("veiligthuis", after: 60)
    #expect(Self.ranking.holder(among: [first, later]) { $0 } == later)
  }

  @Test("a type not listed ranks after every listed one")
  func unlisted() {
    let unlisted = Self.candidate("jeugdhulp", after: 0)
    let listed = Self.candidate("jgz", after: 60)
    #expect(Self.ranking.precedes(listed, unlisted) && !Self.ranking.precedes(unlisted, listed))
    #expect(Self.ranking.rank(of: "jeugdhulp") == Int(Int32.max))
  }

  @Test("between equals the first signaller, then the smaller signal id")
  func betweenEquals() {
    let first = Self.candidate("jgz", after: 0, Self.high)
    let second = Self.candidate("jgz", after: 1, Self.low)
    #expect(Self.ranking.holder(among: [second, first]) { $0 } == first)
    let twin = Self.candidate("jgz", after: 0, Self.low)
    #expect(Self.ranking.holder(among: [first, twin]) { $0 } == twin)
  }

  @Test("no candidates, no holder")
  func empty() {
    #expect(Self.ranking.holder(among: [RegieCandidate]()) { $0 } == nil)
  }
}
