import Foundation
import ServiceKit

/// When the last record arrived (or reading started), for stopping after a quiet spell.
actor LastRecord {
  private var instant = ContinuousClock.now

  /// Notes that a record arrived now.
  func touch() {
    instant = .now
  }

  /// Seconds since the last record (or the start).
  var idleSeconds: Double {
    (ContinuousClock.now - instant).inSeconds
  }
}
