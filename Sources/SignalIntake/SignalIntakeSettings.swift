import Shared

/// Everything SignalIntake reads from its environment, validated at start.
struct SignalIntakeSettings: Sendable {
  static let defaults = ServiceSettings.Defaults(clientID: "signal-intake", database: "vi_intake", httpPort: 8080)

  /// For `--help`.
  static let documentation = ServiceSettings.documentation(
    defaults,
    own: [
      Settings.adminToken.documentation, Settings.pseudonymKey.documentation,
      Settings.pseudonymKeyPrevious.documentation,
    ])

  var common: ServiceSettings
  var adminToken: String
  var pseudonymKey: [UInt8]
  var pseudonymKeyPrevious: [UInt8]?

  init(_ environment: EnvironmentVariables) throws {
    common = try ServiceSettings(environment, defaults: Self.defaults)
    adminToken = try environment.read(Settings.adminToken)
    pseudonymKey = try environment.read(Settings.pseudonymKey)
    pseudonymKeyPrevious = try environment.read(Settings.pseudonymKeyPrevious)
  }
}
