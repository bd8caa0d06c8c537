import ArgumentParser
import Foundation

/// Where SignalIntake's HTTP API is.
struct IntakeOptions: ParsableArguments {
  /// The variable that gives the default of `--url`.
  static let environmentVariable = "VI_INTAKE_URL"
  /// The default without `--url` and the variable.
  static let defaultURL = "http://127.0.0.1:8080"

  @Option(help: "SignalIntake's base URL (default: $VI_INTAKE_URL, else http://127.0.0.1:8080).")
  var url: String?

  /// The base URL to send requests to.
  func baseURL() throws -> URL {
    let text = url ?? ProcessInfo.processInfo.environment[Self.environmentVariable].flatMap { $0.isEmpty ? nil : $0 }
    guard let base = URL(string: text ?? Self.defaultURL), let scheme = base.scheme,
      ["http", "https"].contains(scheme),
      base.host != nil
    else {
      throw CLIError(
        "'\(text ?? "")' is not an http(s) URL; pass --url http://host:port or set \(Self.environmentVariable)")
    }
    return base
  }

  /// A client for this SignalIntake.
  func client() throws -> IntakeClient {
    IntakeClient(baseURL: try baseURL())
  }
}
