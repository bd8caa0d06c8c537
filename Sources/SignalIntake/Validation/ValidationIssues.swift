import Contract

/// Collects every problem of a command, so that all are reported together.
struct ValidationIssues: Error, Sendable {
  private(set) var issues: [ValidationIssue] = []

  var isEmpty: Bool { issues.isEmpty }

  /// Adds a problem with the content.
  mutating func add(_ field: String, _ code: ValidationCode, _ message: String) {
    issues.append(ValidationIssue(field: field, code: code, message: message))
  }

  /// Adds a problem that makes the record unreadable, before its content is validated.
  mutating func add(_ field: String, reading code: CommandDecoder.ReadingCode, _ message: String) {
    issues.append(ValidationIssue(field: field, code: code.rawValue, message: message))
  }

  /// Reports text with control characters; `true` when `text` is free of them (or absent).
  @discardableResult
  mutating func checkText(_ text: String?, field: String) -> Bool {
    guard let text, TextRules.hasControlCharacters(text) else { return true }
    add(field, .textControl, "\(field) contains a control character (such as a line break or NUL)")
    return false
  }
}
