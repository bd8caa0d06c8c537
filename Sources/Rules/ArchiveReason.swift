/// Why a signal is in the archive (DOMAIN R-5): its professional ended it because the risk ended, or it
/// reached its end date. A signal ended as unjustified is deleted, not archived.
public enum ArchiveReason: String, Sendable, Hashable, CaseIterable, Codable {
  /// The professional ended the signal: the risk is over.
  case riskEnded
  /// The signal reached its end date, two years at most after it was made.
  case expired
}
