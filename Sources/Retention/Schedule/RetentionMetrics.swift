import Foundation
import Metrics

/// Retention's metrics, on `/metrics`: events emitted per kind, and when this instance last completed a run (alert
/// when the largest value over all instances falls more than a few intervals behind: nobody schedules).
struct RetentionMetrics: Sendable {
  /// Lifecycle events emitted (decided and acknowledged by the broker), per kind.
  let emitted: [DueItem.Kind: Counter] = Dictionary(
    uniqueKeysWithValues: DueItem.Kind.allCases.map {
      ($0, Counter(label: "vi_retention_events_emitted_total", dimensions: [("kind", $0.rawValue)]))
    })
  /// Unix time of this instance's last completed run (not of runs it skipped because another held the lock).
  let lastRun = Gauge(label: "vi_retention_last_run_timestamp_seconds")

  /// Counts `items` as emitted.
  func record(emitted items: [DueItem]) {
    for (kind, items) in Dictionary(grouping: items, by: \.kind) {
      emitted[kind]?.increment(by: items.count)
    }
  }

  /// Records that a run completed now.
  func recordRun() {
    lastRun.record(Date().timeIntervalSince1970)
  }
}
