/// Why a professional ends a signal early.
public enum EndReason: String, Codable, Sendable, CaseIterable {
  /// The risk ended: the signal is archived (shown once as historical involvement, deleted after 5 years).
  case riskEnded
  /// The signal was unjustified: it is deleted, not archived.
  case unjustified
}
