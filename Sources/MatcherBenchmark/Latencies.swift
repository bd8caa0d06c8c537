import Foundation

/// Latencies in seconds, summarised as percentiles.
struct Latencies: Sendable {
  var values: [Double] = []

  /// The `fraction` percentile (0.5 for p50), in milliseconds.
  func percentile(_ fraction: Double) -> Double {
    guard !values.isEmpty else { return .nan }
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))] * 1000
  }

  /// "p50 12.3 ms, p99 45.6 ms (n = 1000)".
  var summary: String {
    String(format: "p50 %.1f ms, p99 %.1f ms (n = %d)", percentile(0.5), percentile(0.99), values.count)
  }
}
