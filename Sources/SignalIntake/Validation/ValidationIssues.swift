import Contract

/// Collects every problem of a command, so that all are reported together.
struct ValidationIssues: Error, Sendable {
  private(set) var issues: [ValidationIssue] = []

  var isEmpty: Bool { issues.isEmpty }

  mutating func add(_ field: String, _ code: String, _ message: String) {
    issues.append(ValidationIssue(field: field, code: code, message: message))
  }

  /// Reports text with control characters; `true` when `text` is free of them (or absent).
  @discardableResult
  mutating func checkText(_ text: String?, field: String) -> Bool {
    guard let text, TextRules.hasControlCharacters(text) else { return true }
    add(field, "text.control", "\(field) contains a control character (such as a line break or NUL)")
    return false
  }
}
