import ServiceLifecycle

/// Waits `duration` unless the service is shutting down (gracefully or by cancellation): then returns `false` at
/// once, so that retry and schedule loops stop promptly on SIGTERM instead of finishing their back-off first.
public func sleepUnlessShuttingDown(for duration: Duration) async -> Bool {
  guard !Task.isShuttingDownGracefully else { return false }
  do {
    try await cancelWhenGracefulShutdown { try await Task.sleep(for: duration) }
    return true
  } catch {
    return false
  }
}
