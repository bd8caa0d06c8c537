import Shared

/// Collects every problem of a command, so that all are reported together.
struct ValidationIssues: Error, Sendable {
  private(set) var issues: [ValidationIssue] = []

  var isEmpty: Bool { issues.isEmpty }

  mutating func add(_ field: String, _ code: String, _ message: String) {
    issues.append(ValidationIssue(field: field, code: code, message: message))
  }
}
