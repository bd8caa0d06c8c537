import Foundation

/// A log book row as the administrator reads it. The child's pseudonym is internal and never shown: the rows about
/// one child are found by naming the child.
struct LogBookEntry: Encodable, Sendable, Hashable {
  /// The row's number, increasing; the cursor of the next page.
  var id: Int64
  /// When.
  var at: Date
  /// `admin`, a professional id, or the service that acted (e.g. `matcher`, `retention`).
  var actor: String
  /// What was done.
  var action: String
  /// Whether the row is about a child (that is still stored).
  var aboutChild: Bool
  /// The signal, if any.
  var signalId: ResourceID?
  /// The match, if any.
  var matchId: ResourceID?
  /// Parameters and counts.
  var detail: JSONTree
}
