/// Exponential back-off: `initial` after the first failure, doubling, at most `maximum`; and how long one e-mail may
/// keep failing transiently before it fails for good.
struct RetryPolicy: Sendable, Hashable {
  /// Production: 2 s, 4 s, 8 s, ... up to a minute; an e-mail refused with 4xx for three days fails, as a mail server
  /// would bounce it.
  static let standard = RetryPolicy(initial: .seconds(2), maximum: .seconds(60), giveUpAfter: .seconds(3 * 86_400))

  var initial: Duration
  var maximum: Duration
  /// How long after its event was read an e-mail that keeps getting 4xx replies (or whose recipient never appears in
  /// the registry) is failed for good. An unavailable server never fails an e-mail.
  var giveUpAfter: Duration

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
