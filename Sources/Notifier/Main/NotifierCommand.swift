public import ArgumentParser
import ServiceKit

/// The Notifier: e-mails each matched professional the others' contact details, once.
public struct NotifierCommand: AsyncParsableCommand {
  /// The command line: name, summary, and the settings and Kafka use that `--help` prints.
  public static let configuration = CommandConfiguration(
    commandName: "Notifier",
    abstract: "Sends match notices by e-mail over SMTP, once per recipient per event.",
    discussion: ServiceMain.help(NotifierSettings.documentation, kafka: NotifierKafka.usage))

  /// Creates the command; ArgumentParser fills in the options.
  public init() {}

  /// Runs the service until SIGTERM or SIGINT.
  public func run() async throws {
    try await ServiceMain.run(service: "Notifier") { logger, environment in
      try await NotifierApp(settings: try NotifierSettings(environment), logger: logger).run()
    }
  }
}
