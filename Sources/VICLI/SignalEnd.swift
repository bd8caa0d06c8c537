import ArgumentParser

/// `vi signal end`: `POST /v1/signals/end` with a freshly minted bearer token.
struct SignalEnd: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "end", abstract: "End a signal: POST /v1/signals/end.",
    discussion: """
      Mints a bearer token (iss --organisation, sub --professional) with --key, posts the data and prints the \
      status; exits 1 unless SignalIntake accepted it (202).
      """)

  @OptionGroup(title: "The ending")
  var signal: EndOptions

  @OptionGroup
  var http: HTTPSignalOptions

  func run() async throws {
    try await http.post(["v1", "signals", "end"], source: try signal.source(), professional: signal.professional)
  }
}
