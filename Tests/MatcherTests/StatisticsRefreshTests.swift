import TestTags
import Testing

@testable import Matcher

@Suite("When the Matcher analyzes its tables", .tags(.unit))
struct StatisticsRefreshTests {
  @Test("after 5,000 new signals, then each time the count doubles")
  func doubling() {
    var refresh = StatisticsRefresh()
    var due: [Int] = []
    for batch in 1...100 where refresh.due(afterApplying: 1_000) {
      due.append(batch * 1_000)
    }
    #expect(due == [5_000, 10_000, 20_000, 40_000, 80_000])
  }
}
