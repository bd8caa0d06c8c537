import Foundation

/// A log book row to write: who did what, about which child and signal. `detail` never holds a BSN, a name or any
/// other personal data; only ids, counts and parameters.
struct LogBookRow: Sendable, Hashable {
  /// The region administrator's actor name.
  static let admin = "admin"

  /// `admin`, or the id of the professional who read.
  var actor: String
  /// What was done, e.g. `child.inspected`.
  var action: String
  /// The child it was about, where something is stored about the child.
  var childPseudonym: String?
  /// The signal it was about.
  var signalId: UUID?
  /// Parameters and counts.
  var detail: [String: JSONTree] = [:]
}
