/// What two matched signals share (DOMAIN ), in order of precedence: a pair that is both
/// a family and an address match is a family match.
public enum MatchKind: String, Sendable, Hashable, CaseIterable, Comparable, Codable {
  /// Both signals are on the same child.
  case child
  /// The signals are on different children who share a parent.
  case family
  /// The signals are on different children at the same address (only where the region matches on address).
  case address

  /// The kind of match between a signal on one child and a signal on another (or the same) child, or `nil` when
  /// they are not matched by what they share. Eligibility (``Eligibility``) is decided apart.
  ///
  /// - Parameters:
  ///   - sameChild: both signals are on the same child.
  ///   - shareParent: the two children share a parent.
  ///   - sameAddress: the two children live at the same (non-institutional) address.
  ///   - matchAddress: the region matches on address (`VI_MATCH_ADDRESS`).
  public static func between(
    sameChild: Bool, shareParent: Bool, sameAddress: Bool, matchAddress: Bool
  )
    -> MatchKind?
  {
    if sameChild { return .child }
    if shareParent { return .family }
    if sameAddress && matchAddress { return .address }
    return nil
  }

  /// The kind that wins when one pair of signals is found as both `self` and `other`.
  public func winning(over other: MatchKind) -> MatchKind { min(self, other) }

  /// The earlier kind takes precedence: child, then family, then address.
  public static func < (lhs: MatchKind, rhs: MatchKind) -> Bool {
    allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
  }

  /// The kind as a SQL string literal, for the `kind` column of `matches`.
  public var sqlLiteral: String { SQLText.literal(rawValue) }
}
