/// Exponential back-off: `initial` after the first failure, doubling, at most `maximum`.
struct RetryPolicy: Sendable, Hashable {
  /// Production: 2 s, 4 s, 8 s, ... up to a minute.
  static let standard = RetryPolicy(initial: .seconds(2), maximum: .seconds(60))

  var initial: Duration
  var maximum: Duration

  /// The wait after the `failures`-th failure in a row (1 for the first).
  func delay(afterFailures failures: Int) -> Duration {
    var delay = initial
    var step = 1
    while step < failures, delay < maximum {
      delay *= 2
      step += 1
    }
    return min(delay, maximum)
  }
}
