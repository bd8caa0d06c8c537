import ArgumentParser
import Hummingbird
import Logging
import PostgresNIO
import Shared

/// SignalIntake: validates signal commands from the HTTP API and the intake topic, pseudonymises them, and
/// publishes valid signals; every invalid command is answered (HTTP) or rejected onto the rejections topic.
@main
struct SignalIntakeCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "SignalIntake",
    abstract: "Validates signal commands (HTTP and Kafka) and publishes pseudonymised signals.",
    discussion: ServiceMain.help(SignalIntakeSettings.documentation, kafka: SignalIntakeKafka.usage))

  func run() async throws {
    try await ServiceMain.run(service: "SignalIntake") { logger, environment in
      let settings = try SignalIntakeSettings(environment)
      try await SignalIntakeApp(settings: settings, logger: logger).run()
    }
  }
}
