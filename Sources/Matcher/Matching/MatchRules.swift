/// The matching choices a region configures.
struct MatchRules: Sendable {
  /// Whether two professionals of one organisation are matched (DOMAIN: suppressed by default).
  var matchSameOrganisation: Bool
}
