import NIOConcurrencyHelpers

extension HealthCheck {
  /// Runs the check, but answers at the latest after `timeout`: a check that has not answered by then counts as
  /// failed (`no answer within ... seconds`). The check is then cancelled and left to finish in the background, so
  /// even one that ignores cancellation (a blocking call on a thread pool) cannot hold up the answer.
  public func run(timeout: Duration) async -> String? {
    let waiting = NIOLockedValueBox<CheckedContinuation<String?, Never>?>(nil)
    let answer: @Sendable (String?) -> Void = { problem in
      waiting.withLockedValue { continuation in
        continuation?.resume(returning: problem)
        continuation = nil
      }
    }
    let seconds = timeout.inSeconds
    let limit = seconds == seconds.rounded() ? "\(Int(seconds))" : "\(seconds)"
    return await withCheckedContinuation { (continuation: CheckedContinuation<String?, Never>) in
      waiting.withLockedValue { $0 = continuation }
      let check = self.check
      let checking = Task { await check() }
      let timer = Task {
        try? await Task.sleep(for: timeout)
        answer("no answer within \(limit) seconds")
        checking.cancel()
      }
      Task {
        answer(await checking.value)
        timer.cancel()
      }
    }
  }
}
