import ArgumentParser
import Shared

/// The Notifier: e-mails each matched professional the others' contact details, once.
@main
struct NotifierCommand: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "Notifier",
    abstract: "Sends match notices by e-mail over SMTP, once per recipient per event.",
    discussion: ServiceMain.help(NotifierSettings.documentation, kafka: NotifierKafka.usage))

  func run() async throws {
    try await ServiceMain.run(service: "Notifier") { logger, environment in
      try await NotifierApp(settings: try NotifierSettings(environment), logger: logger).run()
    }
  }
}
