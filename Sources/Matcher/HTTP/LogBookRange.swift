import Contract
import Foundation

/// Which log book rows to read: those at or after `from` and before `to`, after the row `after`, at most `limit`,
/// in the order they were written.
struct LogBookRange: Sendable, Hashable {
  /// The most rows one request returns.
  static let maximumLimit = 1000
  /// The rows one request returns when it does not say.
  static let defaultLimit = 100

  var from: Date?
  var to: Date?
  var after: Int64?
  var limit: Int = Self.defaultLimit

  /// Reads the parameters (query parameters or body fields, as text), collecting every problem.
  init(from: String?, to: String?, after: String?, limit: String?, into issues: inout FieldIssues) {
    self.from = Self.instant(from, field: "from", into: &issues)
    self.to = Self.instant(to, field: "to", into: &issues)
    if let after {
      if let value = Int64(after), value >= 0 {
        self.after = value
      } else {
        issues.add("after", "integer", "after must be the id of a log book row (a whole number from 0)")
      }
    }
    if let limit {
      if let value = Int(limit), (1...Self.maximumLimit).contains(value) {
        self.limit = value
      } else {
        issues.add("limit", "range", "limit must be a whole number from 1 to \(Self.maximumLimit)")
      }
    }
    if let from = self.from, let to = self.to, to < from {
      issues.add("to", "range", "to lies before from")
    }
  }

  /// The parameters and how many rows were shown, for the log book row of the read itself.
  func detail(entries: Int) -> LogBookDetail {
    LogBookDetail(limit: limit, from: from, to: to, after: after, entries: entries)
  }

  /// An instant in RFC 3339 (`2026-05-01T08:00:00Z`, fractions allowed), or a date `YYYY-MM-DD`, meaning its start in
  /// Europe/Amsterdam.
  static func instant(_ text: String?, field: String, into issues: inout FieldIssues) -> Date? {
    guard let text else { return nil }
    if let date = CalendarDate(text) {
      return CalendarDate.amsterdam.date(from: DateComponents(year: date.year, month: date.month, day: date.day))
    }
    if let instant = try? Date(text, strategy: .iso8601) {
      return instant
    }
    if let instant = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) {
      return instant
    }
    issues.add(field, "date.invalid", "\(field) must be an instant (2026-05-01T08:00:00Z) or a date (2026-05-01)")
    return nil
  }
}
