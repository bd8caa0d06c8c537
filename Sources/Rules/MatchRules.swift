/// The matching choices a region configures (`VI_MATCH_SAME_ORGANISATION`, `VI_MATCH_ADDRESS`, `VI_REGIE_ORDER`).
public struct MatchRules: Sendable, Hashable {
  /// Whether two professionals of one organisation are matched (DOMAIN: suppressed by default).
  public var matchSameOrganisation: Bool
  /// Whether signals on different children at one address are matched (DOMAIN: off by default).
  public var matchAddress: Bool
  /// Organisation types in order of precedence for regie. A type not listed ranks after all listed ones; between
  /// equals the first signaller has regie.
  public var regieOrder: [String]

  /// A region's choices.
  public init(matchSameOrganisation: Bool, matchAddress: Bool = false, regieOrder: [String] = []) {
    self.matchSameOrganisation = matchSameOrganisation
    self.matchAddress = matchAddress
    self.regieOrder = regieOrder
  }

  /// Who may be matched with whom, under these choices.
  public var eligibility: Eligibility { Eligibility(matchSameOrganisation: matchSameOrganisation) }

  /// Who has regie, under these choices.
  public var regieRanking: RegieRanking { RegieRanking(order: regieOrder) }
}
