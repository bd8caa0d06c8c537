import Shared

/// Everything Retention reads from its environment, validated at start.
struct RetentionSettings: Sendable {
  static let database = "vi_retention"
  static let httpPort = Settings.httpPort(default: 8083)
  static let postgresURL = Settings.postgresURL(database: database)
  static let interval = Setting<Int>.integer(
    "VI_RETENTION_INTERVAL_SECONDS", default: 3600, in: 1...86_400, help: "Seconds between two schedule runs")

  /// For `--help`.
  static let documentation: [SettingDocumentation] =
    [httpPort.documentation, Settings.httpHost.documentation, postgresURL.documentation, interval.documentation]
    + Settings.common

  var kafka: KafkaSettings
  var postgres: PostgresURL
  var httpHost: String
  var httpPort: Int
  var interval: Duration

  init(_ environment: EnvironmentVariables) throws {
    kafka = try KafkaSettings(environment, clientID: "retention")
    postgres = try environment.read(Self.postgresURL)
    httpHost = try environment.read(Settings.httpHost)
    httpPort = try environment.read(Self.httpPort)
    interval = .seconds(try environment.read(Self.interval))
  }
}
