import Shared

/// Everything the Matcher reads from its environment, validated at start.
struct MatcherSettings: Sendable {
  static let defaults = ServiceSettings.Defaults(clientID: "matcher", database: "vi_matcher", httpPort: 8081)
  static let sameOrganisation = Setting<Bool>.flag(
    "VI_MATCH_SAME_ORGANISATION", default: false,
    help: "Also match signals of two professionals of the same organisation")
  static let batchSize = Setting<Int>.integer(
    "VI_MATCHER_BATCH_SIZE", default: 500, in: 1...10_000, help: "Most signal events applied in one transaction")

  /// For `--help`.
  static let documentation = ServiceSettings.documentation(
    defaults, own: [sameOrganisation.documentation, batchSize.documentation])

  var common: ServiceSettings
  var rules: MatchRules
  var batchSize: Int

  init(_ environment: EnvironmentVariables) throws {
    common = try ServiceSettings(environment, defaults: Self.defaults)
    rules = MatchRules(matchSameOrganisation: try environment.read(Self.sameOrganisation))
    batchSize = try environment.read(Self.batchSize)
  }
}
