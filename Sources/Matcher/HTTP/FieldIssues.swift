import Contract
import Hummingbird
import ServiceKit

/// Collects every problem of a request body, so that a 422 reports all of them at once (as SignalIntake does).
struct FieldIssues: Sendable {
  private(set) var issues: [ValidationIssue] = []

  /// Whether no problem was found.
  var isEmpty: Bool { issues.isEmpty }

  /// Records a problem with `field`.
  mutating func add(_ field: String, _ code: String, _ message: String) {
    issues.append(ValidationIssue(field: field, code: code, message: message))
  }

  /// Throws a 422 with every problem, unless there are none.
  func check(_ detail: String) throws {
    guard issues.isEmpty else {
      throw ProblemDetails(status: .unprocessableContent, detail: detail, errors: issues)
    }
  }
}
