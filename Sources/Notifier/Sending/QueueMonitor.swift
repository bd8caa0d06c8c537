import Logging
import ServiceLifecycle
import Shared

/// Measures the queue every few seconds for the depth and age gauges.
struct QueueMonitor: Sendable {
  static let interval = Duration.seconds(5)

  let queue: DeliveryQueue
  let metrics: NotifierMetrics
  let logger: Logger

  func run() async throws {
    repeat {
      do {
        let backlog = try await queue.backlog()
        metrics.queueDepth.record(backlog.pending)
        metrics.queueAge.record(backlog.oldestAge)
      } catch {
        logger.warning("Could not measure the e-mail queue", metadata: ["error": "\(String(reflecting: error))"])
      }
    } while await sleepUnlessShuttingDown(for: Self.interval)
  }
}
