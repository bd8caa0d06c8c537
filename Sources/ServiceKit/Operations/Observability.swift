public import Logging
import Metrics
public import Prometheus

/// Process-wide logging and metrics set-up; call ``bootstrap(service:level:format:)`` once, first thing in `main`.
public enum Observability {
  /// The Prometheus registry `/metrics` reads.
  public static let registry = PrometheusCollectorRegistry()

  /// Sets up swift-log (text or JSON on standard error) and swift-metrics (Prometheus) for the process, and returns
  /// the service's root logger.
  public static func bootstrap(service: String, level: Logger.Level, format: LogFormat) -> Logger {
    LoggingSystem.bootstrap { label in
      var handler: any LogHandler =
        switch format {
        case .text: StreamLogHandler.standardError(label: label)
        case .json: JSONLogHandler(label: label)
        }
      handler.logLevel = level
      return handler
    }
    MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
    return Logger(label: service)
  }
}
