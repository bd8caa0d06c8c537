import Foundation

/// Polls `condition` until it returns a value or `timeout` passes; returns `nil` on timeout.
func eventually<T>(
  timeout: Duration, every interval: Duration = .milliseconds(250), _ condition: () async throws -> T?
) async rethrows -> T? {
  let deadline = ContinuousClock.now + timeout
  while ContinuousClock.now < deadline {
    if let value = try await condition() { return value }
    try? await Task.sleep(for: interval)
  }
  return try await condition()
}
