import Foundation

/// One row for the log book: who did what, when, to which signal or match.
struct LogEntry: Sendable {
  var at: Date
  var actor: String
  var action: String
  var childPseudonym: String?
  var signalId: UUID?
  var matchId: UUID?
  /// A small JSON object with what else the row needs (never a BSN, never a reason).
  var detail: String = "{}"
}
