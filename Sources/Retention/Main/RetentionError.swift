/// What went wrong in Retention, and what to do about it.
enum RetentionError: Error, CustomStringConvertible {
  /// A row of the schedule's query does not make an item: the schema and the code disagree.
  case unreadableDueItem(kind: String, subject: String)

  var description: String {
    switch self {
    case .unreadableDueItem(let kind, let subject):
      "The schedule found a '\(kind)' item for \(subject) it cannot read; check that this Retention version "
        + "matches its database's migrations."
    }
  }
}
