import Contract
import Foundation

/// One row of the log book (`log_book`), which the law requires: who did what, when, about which child, signal or
/// match. The matching code and the API write the same rows through ``LogBook/write(_:on:)``.
struct LogBookRow: Sendable, Hashable {
  /// The region administrator's actor name.
  static let admin = "admin"

  /// When it was done; `nil` for the time of the transaction that writes the row (the API's reads).
  var at: Date?
  /// `admin`, `matcher`, `retention`, or the id of the professional who acted or read.
  var actor: String
  /// What was done.
  var action: LogBookAction
  /// The child it was about, where something is stored about the child.
  var childPseudonym: Pseudonym?
  /// The signal it was about.
  var signalId: UUID?
  /// The match it was about.
  var matchId: UUID?
  /// Ids, counts and parameters.
  var detail = LogBookDetail()

  /// Creates a row.
  init(
    at: Date? = nil, actor: String, action: LogBookAction, childPseudonym: Pseudonym? = nil, signalId: UUID? = nil,
    matchId: UUID? = nil, detail: LogBookDetail = LogBookDetail()
  ) {
    self.at = at
    self.actor = actor
    self.action = action
    self.childPseudonym = childPseudonym
    self.signalId = signalId
    self.matchId = matchId
    self.detail = detail
  }
}
