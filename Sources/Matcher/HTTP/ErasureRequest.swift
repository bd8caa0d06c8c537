import Contract

/// The body of `POST /v1/admin/children/erasure`: the child, and why everything about it goes.
struct ErasureRequest: Decodable, Sendable {
  var child: ChildIdentityBody?
  /// `objection` (an upheld objection, *verzet*) or `death`.
  var reason: String?

  /// The reasons the administrator may give (turning 23 is Retention's).
  static let reasons: [ChildErasure.Reason] = [.objection, .death]

  /// The reason, or `nil` with the problem in `issues`.
  func erasureReason(into issues: inout FieldIssues) -> ChildErasure.Reason? {
    guard let reason else {
      issues.add("reason", "required", "reason is required: objection or death")
      return nil
    }
    guard let value = ChildErasure.Reason(rawValue: reason), Self.reasons.contains(value) else {
      issues.add("reason", "enum", "reason must be objection or death")
      return nil
    }
    return value
  }
}
