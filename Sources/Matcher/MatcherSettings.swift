import Shared

/// Everything the Matcher reads from its environment, validated at start.
struct MatcherSettings: Sendable {
  static let database = "vi_matcher"
  static let httpPort = Settings.httpPort(default: 8081)
  static let postgresURL = Settings.postgresURL(database: database)
  static let sameOrganisation = Setting<Bool>.flag(
    "VI_MATCH_SAME_ORGANISATION", default: false,
    help: "Also match signals of two professionals of the same organisation")
  static let batchSize = Setting<Int>.integer(
    "VI_MATCHER_BATCH_SIZE", default: 500, in: 1...10_000, help: "Most signal events applied in one transaction")

  /// For `--help`.
  static let documentation: [SettingDocumentation] =
    [
      httpPort.documentation, Settings.httpHost.documentation, postgresURL.documentation,
      sameOrganisation.documentation, batchSize.documentation,
    ] + Settings.common

  var kafka: KafkaSettings
  var postgres: PostgresURL
  var httpHost: String
  var httpPort: Int
  var rules: MatchRules
  var batchSize: Int

  init(_ environment: EnvironmentVariables) throws {
    kafka = try KafkaSettings(environment, clientID: "matcher")
    postgres = try environment.read(Self.postgresURL)
    httpHost = try environment.read(Settings.httpHost)
    httpPort = try environment.read(Self.httpPort)
    rules = MatchRules(matchSameOrganisation: try environment.read(Self.sameOrganisation))
    batchSize = try environment.read(Self.batchSize)
  }
}
