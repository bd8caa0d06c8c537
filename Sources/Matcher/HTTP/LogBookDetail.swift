import Contract
import Foundation

/// What else a log book row records, as its `detail` object: ids, counts and parameters, never a BSN, a name or any
/// other personal data. Only the members that are set are written.
struct LogBookDetail: Sendable, Hashable {
  /// The signalling organisation (`signal.registered`), the professional's (`signals.read`), or the new holder's
  /// (`regie.moved`).
  var organisationId: String?
  /// `signal.ended`: the signal was archived.
  var archived: Bool?
  /// `signal.deleted`: the signal was unjustified.
  var unjustified: Bool?
  /// `historical.shown`: how many archived signals were shown.
  var archivedSignals: Int?
  /// `match.made`: the kind of match.
  var kind: MatchNotice.Kind?
  /// `match.made`: the other signal of the match.
  var otherSignalId: UUID?
  /// `child.erased`, `child.erasureRequested`: why.
  var reason: ChildErasure.Reason?
  /// `child.inspected`, `child.copied`: whether anything is stored about the child.
  var found: Bool?
  /// `child.inspected`, `child.copied`: how many signals were shown; `signals.read`: 0 when none was.
  var signals: Int?
  /// `signals.read`: how many matches the signal shown has.
  var matches: Int?
  /// `child.correctionRequested`, `child.erasureRequested`: the event published.
  var eventId: UUID?
  /// `child.erasureRequested`: whether the Matcher stored anything about the child.
  var stored: Bool?
  /// `logBook.read`, `logBook.searched`: the page asked for.
  var limit: Int?
  /// `logBook.read`, `logBook.searched`: the start of the range asked for.
  var from: Date?
  /// `logBook.read`, `logBook.searched`: the end of the range asked for.
  var to: Date?
  /// `logBook.read`, `logBook.searched`: the row after which the page starts.
  var after: Int64?
  /// `logBook.read`, `logBook.searched`: how many rows were shown.
  var entries: Int?
}
