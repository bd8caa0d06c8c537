import Shared

/// Everything SignalIntake reads from its environment, validated at start.
struct SignalIntakeSettings: Sendable {
  static let database = "vi_intake"
  static let httpPort = Settings.httpPort(default: 8080)
  static let postgresURL = Settings.postgresURL(database: database)

  /// For `--help`.
  static let documentation: [SettingDocumentation] =
    [
      httpPort.documentation, Settings.httpHost.documentation, postgresURL.documentation,
      Settings.adminToken.documentation, Settings.pseudonymKey.documentation,
      Settings.pseudonymKeyPrevious.documentation,
    ] + Settings.common

  var kafka: KafkaSettings
  var postgres: PostgresURL
  var httpHost: String
  var httpPort: Int
  var adminToken: String
  var pseudonymKey: [UInt8]
  var pseudonymKeyPrevious: [UInt8]?

  init(_ environment: EnvironmentVariables) throws {
    kafka = try KafkaSettings(environment, clientID: "signal-intake")
    postgres = try environment.read(Self.postgresURL)
    httpHost = try environment.read(Settings.httpHost)
    httpPort = try environment.read(Self.httpPort)
    adminToken = try environment.read(Settings.adminToken)
    pseudonymKey = try environment.read(Settings.pseudonymKey)
    pseudonymKeyPrevious = try environment.read(Settings.pseudonymKeyPrevious)
  }
}
