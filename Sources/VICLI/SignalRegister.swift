import ArgumentParser

/// `vi signal register`: `POST /v1/signals` with a freshly minted bearer token.
struct SignalRegister: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "register", abstract: "Register a signal: POST /v1/signals.",
    discussion: """
      Mints a bearer token (iss --organisation, sub --professional) with --key, posts the data and prints the \
      status and body; exits 1 unless SignalIntake accepted it (202 with the signalId).
      """)

  @OptionGroup(title: "The signal")
  var signal: RegisterOptions

  @OptionGroup
  var http: HTTPSignalOptions

  func run() async throws {
    try await http.post(["v1", "signals"], source: try signal.source(), professional: signal.professional)
  }
}
