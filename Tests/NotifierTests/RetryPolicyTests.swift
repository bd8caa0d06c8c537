import TestTags
import Testing

@testable import Notifier

@Suite("Back-off", .tags(.unit))
struct RetryPolicyTests {
  @Test func doublesUpToTheMaximum() {
    let policy = RetryPolicy.standard
    #expect((1...7).map { policy.delay(afterFailures: $0) } == [2, 4, 8, 16, 32, 60, 60].map { .seconds($0) })
    #expect(policy.delay(afterFailures: 10_000) == .seconds(60))
  }
}
