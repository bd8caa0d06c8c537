public import ArgumentParser
import Hummingbird
import Logging
import PostgresNIO
import ServiceKit

/// SignalIntake: validates signal commands from the HTTP API and the intake topic, pseudonymises them, and
/// publishes valid signals; every invalid command is answered (HTTP) or rejected onto the rejections topic.
public struct SignalIntakeCommand: AsyncParsableCommand {
  /// The command line: name, summary, and the settings and Kafka use that `--help` prints.
  public static let configuration = CommandConfiguration(
    commandName: "SignalIntake",
    abstract: "Validates signal commands (HTTP and Kafka) and publishes pseudonymised signals.",
    discussion: ServiceMain.help(SignalIntakeSettings.documentation, kafka: SignalIntakeKafka.usage))

  /// Creates the command; ArgumentParser fills in the options.
  public init() {}

  /// Runs the service until SIGTERM or SIGINT.
  public func run() async throws {
    try await ServiceMain.run(service: "SignalIntake") { logger, environment in
      let settings = try SignalIntakeSettings(environment)
      try await SignalIntakeApp(settings: settings, logger: logger).run()
    }
  }
}
