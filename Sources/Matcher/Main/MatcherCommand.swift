public import ArgumentParser
import ServiceKit

/// The Matcher: keeps signals and matches in PostgreSQL, makes matches, and publishes them for the Notifier.
public struct MatcherCommand: AsyncParsableCommand {
  /// The command line: name, summary, and the settings and Kafka use that `--help` prints.
  public static let configuration = CommandConfiguration(
    commandName: "Matcher",
    abstract: "Applies signal events to PostgreSQL, makes matches, and publishes match events.",
    discussion: ServiceMain.help(MatcherSettings.documentation, kafka: MatcherKafka.usage))

  /// Creates the command; ArgumentParser fills in the options.
  public init() {}

  /// Runs the service until SIGTERM or SIGINT.
  public func run() async throws {
    try await ServiceMain.run(service: "Matcher") { logger, environment in
      let settings = try MatcherSettings(environment)
      try await MatcherApp(settings: settings, logger: logger).run()
    }
  }
}
