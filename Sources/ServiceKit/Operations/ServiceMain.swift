import Foundation
public import Logging
public import ServiceLifecycle

/// What every service's `main` does: read logging settings, bootstrap logging and metrics, turn configuration
/// errors into a clear message and a non-zero exit, and run the services as one group.
public enum ServiceMain {
  /// Exit status for invalid configuration.
  public static let configurationExitCode: Int32 = 78  // EX_CONFIG

  /// Reads the logging and shutdown settings, bootstraps observability, and runs `body` under a
  /// ``ShutdownDeadline``: from the first SIGTERM or SIGINT on, the process exits within `VI_SHUTDOWN_GRACE_SECONDS`,
  /// whatever it is waiting for. A ``ConfigurationError`` is printed as `<service>: invalid configuration: VI_X ...`
  /// and exits with status 78.
  public static func run(
    service: String, environment: EnvironmentVariables = .process,
    _ body: @escaping @Sendable (Logger, EnvironmentVariables) async throws -> Void
  ) async throws {
    do {
      let level = try environment.read(Settings.logLevel)
      let format = try environment.read(Settings.logFormat)
      let grace = try environment.read(Settings.shutdownGrace)
      let logger = Observability.bootstrap(service: service, level: level, format: format)
      try await ShutdownDeadline.run(grace: .seconds(grace), logger: logger) {
        try await body(logger, environment)
      }
    } catch let error as ConfigurationError {
      FileHandle.standardError.write(Data("\(service): \(error)\n".utf8))
      exit(configurationExitCode)
    }
  }

  /// Runs `services` as a ServiceGroup that shuts down gracefully on SIGTERM and SIGINT, in reverse order of the
  /// list: put what others depend on (database, producer) first. Under ``ServiceMain/run(service:environment:_:)``
  /// the ``ShutdownDeadline`` owns the signals and bounds the shutdown; without it (parts run alone) the group
  /// handles the signals itself, unbounded.
  public static func runGroup(_ services: [any Service], logger: Logger) async throws {
    guard let deadline = ShutdownDeadline.current else {
      let group = ServiceGroup(
        configuration: ServiceGroupConfiguration(
          services: services.map { ServiceGroupConfiguration.ServiceConfiguration(service: $0) },
          gracefulShutdownSignals: [.sigterm, .sigint], cancellationSignals: [], logger: logger))
      return try await group.run()
    }
    var configuration = ServiceGroupConfiguration(
      services: services.map {
        ServiceGroupConfiguration.ServiceConfiguration(service: TrackedService(service: $0, deadline: deadline))
      },
      gracefulShutdownSignals: [], cancellationSignals: [], logger: logger)
    configuration.maximumGracefulShutdownDuration = deadline.gracefulPart
    try await deadline.runGroup(ServiceGroup(configuration: configuration))
  }

  /// A service's `--help` text: the settings it reads, then its use of Kafka (which scripts/check_compose.py holds
  /// against the ACLs of the SASL overlay).
  public static func help(_ settings: [SettingDocumentation], kafka: KafkaUsage) -> String {
    settingsHelp(settings) + "\n\n" + kafka.help
  }

  /// The `--help` text listing the settings a service reads.
  private static func settingsHelp(_ settings: [SettingDocumentation]) -> String {
    "Configuration (environment variables):\n"
      + settings.map { setting in
        let value =
          setting.defaultValue.map { $0.isEmpty ? "(unset)" : $0 } ?? "(required)"
        return "  \(setting.name) = \(value)\n      \(setting.help)"
      }.joined(separator: "\n")
  }
}
