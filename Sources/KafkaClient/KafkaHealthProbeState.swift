/// What a ``KafkaHealthProbe`` keeps behind its lock: its handle, the request in flight and the last answer.
struct KafkaHealthProbeState {
  /// The long-lived handle, once made.
  var client: RDKafkaClient?
  /// The Metadata request out now, which later callers await too.
  var inFlight: Task<String?, Never>?
  /// When the last request finished, and what was wrong (`nil`: nothing).
  private var last: (at: ContinuousClock.Instant, problem: String?)?

  /// The last answer, while it is younger than `cacheFor`.
  func answer(at now: ContinuousClock.Instant, cacheFor: Duration) -> (at: ContinuousClock.Instant, problem: String?)? {
    guard let last, now - last.at < cacheFor else { return nil }
    return last
  }

  /// Records the answer of the request in flight.
  mutating func finished(problem: String?, at now: ContinuousClock.Instant) {
    last = (now, problem)
    inFlight = nil
  }

  /// Hands the handle over for release.
  mutating func takeClient() -> RDKafkaClient? {
    defer { client = nil }
    return client
  }
}
