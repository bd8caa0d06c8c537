/// A page of log book rows; `next` is the `after` of the following page, when there may be one.
struct LogBookPage: Encodable, Sendable {
  var entries: [LogBookEntry]
  var next: Int64?

  /// The page of `entries` read with `limit`.
  init(_ entries: [LogBookEntry], limit: Int) {
    self.entries = entries
    next = entries.count == limit ? entries.last?.id : nil
  }
}
