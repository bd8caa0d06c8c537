/// Where a signal is in its life (DOMAIN R-5): active for at most two years, then archived for five, then gone.
///
/// A signal that is deleted (unjustified, purged, its child erased) has no status: it has no row.
public enum SignalStatus: String, Sendable, Hashable, CaseIterable, Codable {
  /// The signal takes part in matching until it ends or expires.
  case active
  /// The signal ended with the risk ended, or expired; it is shown as historical involvement until it is
  /// purged.
  case archived

  /// The status as a SQL string literal, for the `status` columns (`'active'`, `'archived'`).
  ///
  /// A literal, not a bind parameter, so that the planner can use the partial indexes on `status = 'active'`.
  public var sqlLiteral: String { SQLText.literal(rawValue) }
}
