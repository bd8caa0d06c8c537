import Logging
import ServiceKit
import ServiceLifecycle

/// Measures the queue every few seconds for the depth and age gauges, and hourly forgets old withdrawals.
struct QueueMonitor: Sendable {
  static let interval = Duration.seconds(5)

  let queue: DeliveryQueue
  let metrics: NotifierMetrics
  let logger: Logger

  /// Every this many measurements (an hour), old withdrawals are forgotten.
  static let pruneEvery = 720

  func run() async throws {
    var tick = 0
    repeat {
      do {
        let backlog = try await queue.backlog()
        metrics.queueDepth.record(backlog.pending)
        metrics.queueAge.record(backlog.oldestAge)
      } catch {
        logger.warning("Could not measure the e-mail queue", metadata: ["error": "\(String(reflecting: error))"])
      }
      if tick % Self.pruneEvery == 0 {
        do {
          try await queue.forgetOldWithdrawals()
        } catch {
          logger.warning(
            "Could not forget old withdrawals; will try again in an hour. Check PostgreSQL.",
            metadata: ["error": "\(String(reflecting: error))"])
        }
      }
      tick += 1
    } while await sleepUnlessShuttingDown(for: Self.interval)
  }
}
