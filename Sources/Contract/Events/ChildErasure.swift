/// Everything about a child is deleted, archive included: signals, matches, parent links, notices not yet sent.
public struct ChildErasure: Codable, Sendable, Hashable {
  /// Why.
  public enum Reason: String, Codable, Sendable, CaseIterable {
    /// The child turned 23 (Retention).
    case turned23
    /// The child died (region administrator, through the Matcher).
    case death
    /// An objection (verzet) was upheld (region administrator, through the Matcher).
    case objection
  }

  /// Why.
  public var reason: Reason

  /// Creates an erasure.
  public init(reason: Reason) {
    self.reason = reason
  }
}
