/// When to analyze the Matcher's tables: after 5,000 new signals, then each time the count since start doubles.
///
/// A fresh database that takes a burst (a source system uploading its whole caseload) grows faster than
/// autovacuum analyzes it; until then PostgreSQL plans the matching joins for tables it thinks are nearly empty,
/// and a batch that takes 100 ms takes many seconds, beyond the consumer's poll interval. Analyzing at these
/// points costs a few hundred milliseconds each, about twenty times up to ten million signals; autovacuum keeps
/// the statistics fresh after that.
struct StatisticsRefresh: Sendable {
  private(set) var signals = 0
  private(set) var next = 5_000

  /// Counts `count` new signals; `true` when the tables should be analyzed now.
  mutating func due(afterApplying count: Int) -> Bool {
    signals += count
    guard signals >= next else { return false }
    next = signals * 2
    return true
  }
}
