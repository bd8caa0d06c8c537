import ArgumentParser
import Shared

/// The Matcher: keeps signals and matches in PostgreSQL, makes matches, and publishes them for the Notifier.
@main
struct MatcherCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "Matcher",
    abstract: "Applies signal events to PostgreSQL, makes matches, and publishes match events.",
    discussion: ServiceMain.help(MatcherSettings.documentation, kafka: MatcherKafka.usage))

  func run() async throws {
    try await ServiceMain.run(service: "Matcher") { logger, environment in
      let settings = try MatcherSettings(environment)
      try await MatcherApp(settings: settings, logger: logger).run()
    }
  }
}
