import ArgumentParser

/// `vi signal`: signals over SignalIntake's HTTP API, as a professional's client sends them.
struct SignalGroup: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "signal", abstract: "Register or end a signal over the HTTP API (POST /v1/signals[/end]).",
    subcommands: [SignalRegister.self, SignalEnd.self])
}
