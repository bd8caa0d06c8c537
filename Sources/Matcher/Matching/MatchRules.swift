/// The matching choices a region configures.
struct MatchRules: Sendable {
  /// Whether two professionals of one organisation are matched (DOMAIN: suppressed by default).
  var matchSameOrganisation: Bool
  /// Whether signals on different children at one address are matched (DOMAIN: off by default).
  var matchAddress: Bool = false
  /// Organisation types in order of precedence for regie. A type not listed ranks after all listed ones; between
  /// equals the first signaller has regie.
  var regieOrder: [String] = []
}
