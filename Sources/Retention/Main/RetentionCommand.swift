public import ArgumentParser
import Contract
import Foundation
import ServiceKit

/// Retention: emits lifecycle events (reminder, expiry, purge, erasure at 23) on a schedule.
public struct RetentionCommand: AsyncParsableCommand {
  /// The command line: name, summary, and the settings and Kafka use that `--help` prints.
  public static let configuration = CommandConfiguration(
    commandName: "Retention",
    abstract:
      "Emits lifecycle events on a schedule: reminders, expiry after two years, purge after five years in the "
      + "archive, erasure at 23.",
    discussion: ServiceMain.help(RetentionSettings.documentation, kafka: RetentionKafka.usage),
    subcommands: [Serve.self, RunOnce.self], defaultSubcommand: Serve.self)

  /// Creates the command; ArgumentParser picks the subcommand.
  public init() {}

  /// Runs the projection and the schedule continuously, on the system clock.
  struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "serve", abstract: "Run continuously (the default).",
      discussion: ServiceMain.help(RetentionSettings.documentation, kafka: RetentionKafka.usage))

    func run() async throws {
      try await ServiceMain.run(service: "Retention") { logger, environment in
        try await RetentionApp(settings: try RetentionSettings(environment), logger: logger).serve()
      }
    }
  }

  /// Evaluates the schedule once at a given date and exits.
  struct RunOnce: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "run-once",
      abstract: "Evaluate the schedule once, print what falls due, emit it (unless --dry-run), and exit.")

    @Option(name: .customLong("as-of"), help: "The date to evaluate, YYYY-MM-DD (default: today, Europe/Amsterdam).")
    var asOf: String?

    @Flag(name: .customLong("dry-run"), help: "Print what would be emitted; emit and record nothing.")
    var dryRun = false

    func validate() throws {
      if let asOf, CalendarDate(asOf) == nil {
        throw ValidationError("--as-of must be a date written YYYY-MM-DD, not '\(asOf)'")
      }
    }

    func run() async throws {
      try await ServiceMain.run(service: "Retention") { logger, environment in
        let app = RetentionApp(settings: try RetentionSettings(environment), logger: logger)
        // --as-of is the operator's explicit request to evaluate another day; without it, the system clock.
        let clock = asOf.flatMap { CalendarDate($0) }.map { RetentionClock.fixed(on: $0) } ?? .system
        try await app.runOnce(clock: clock, dryRun: dryRun)
      }
    }
  }
}
