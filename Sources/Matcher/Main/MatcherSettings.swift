import Contract
import Foundation
import Rules
import ServiceKit

/// Everything the Matcher reads from its environment, validated at start.
struct MatcherSettings: Sendable {
  static let defaults = ServiceSettings.Defaults(clientID: "matcher", database: "vi_matcher", httpPort: 8081)
  static let sameOrganisation = Setting<Bool>.flag(
    "VI_MATCH_SAME_ORGANISATION", default: false,
    help: "Also match signals of two professionals of the same organisation")
  static let matchAddress = Setting<Bool>.flag(
    "VI_MATCH_ADDRESS", default: false,
    help: "Also match signals on different children at one (non-institutional) address")
  static let regieOrder = Setting<String?>.optional(
    "VI_REGIE_ORDER",
    help: "Organisation types, comma-separated, in order of precedence for regie; then the first signaller")
  static let batchSize = Setting<Int>.integer(
    "VI_MATCHER_BATCH_SIZE", default: 2000, in: 1...10_000, help: "Most signal events applied in one transaction")

  /// For `--help`.
  static let documentation = ServiceSettings.documentation(
    defaults,
    own: [
      sameOrganisation.documentation, matchAddress.documentation, regieOrder.documentation, batchSize.documentation,
      Settings.adminToken.documentation,
      Settings.pseudonymKey.documentation, Settings.pseudonymKeyPrevious.documentation,
    ])

  var common: ServiceSettings
  var rules: MatchRules
  var batchSize: Int
  /// The region administrator's token, for the read and rights API.
  var adminToken: String
  /// The pseudonym keys, to find a child the administrator names by BSN or identity (computed in memory only).
  var pseudonymKey: [UInt8]
  var pseudonymKeyPrevious: [UInt8]?

  init(_ environment: EnvironmentVariables) throws {
    common = try ServiceSettings(environment, defaults: Self.defaults)
    rules = MatchRules(
      matchSameOrganisation: try environment.read(Self.sameOrganisation),
      matchAddress: try environment.read(Self.matchAddress),
      regieOrder: (try environment.read(Self.regieOrder) ?? "").split(separator: ",").map {
        $0.trimmingCharacters(in: .whitespaces)
      }.filter { !$0.isEmpty })
    batchSize = try environment.read(Self.batchSize)
    adminToken = try environment.read(Settings.adminToken)
    pseudonymKey = try environment.read(Settings.pseudonymKey)
    pseudonymKeyPrevious = try environment.read(Settings.pseudonymKeyPrevious)
  }
}
