/// One problem with a command: which field, a stable code, and a message for people.
public struct ValidationIssue: Codable, Sendable, Hashable {
  /// The field, as a JSON path into the command data (e.g. `child.bsn`), or the envelope attribute.
  public var field: String
  /// A stable, machine-readable code (e.g. `bsn.elfproef`).
  public var code: String
  /// What is wrong and how to fix it.
  public var message: String

  /// Creates an issue.
  public init(field: String, code: String, message: String) {
    self.field = field
    self.code = code
    self.message = message
  }
}
