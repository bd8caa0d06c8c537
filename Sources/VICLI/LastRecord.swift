import Foundation

/// When the last record arrived (or reading started), for stopping after a quiet spell.
actor LastRecord {
  private var instant = ContinuousClock.now

  /// Notes that a record arrived now.
  func touch() {
    instant = .now
  }

  /// Seconds since the last record (or the start).
  var idleSeconds: Double {
    let elapsed = ContinuousClock.now - instant
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  }
}
