import Foundation

/// Everything the Matcher stores about one child, for the administrator's inspection (JSON) and copy (document):
/// the child record, the signals, the matches, the historical notices shown, who coordinates, and the log book rows
/// about the child. Never a pseudonym.
struct ChildInspection: Encodable, Sendable {
  var inspectedAt: Date
  /// `nil` when only signals are stored (the child record comes with the first signal, so this is rare).
  var child: InspectedChild?
  var regie: InspectedParty?
  var signals: [InspectedSignal]
  var matches: [InspectedMatch]
  var historicalNotices: [InspectedNotice]
  var logBook: [LogBookEntry]

  /// Whether anything at all is stored about the child.
  var isEmpty: Bool {
    child == nil && signals.isEmpty && logBook.isEmpty
  }
}
