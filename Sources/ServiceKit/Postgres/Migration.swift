/// One versioned schema change. Versions are applied in ascending order, each once.
public struct Migration: Sendable {
  /// The version; never reuse or renumber a released one.
  public let version: Int
  /// A short description, stored with the version.
  public let name: String
  /// The SQL statements, run in order in one transaction.
  public let statements: [String]

  /// Declares a migration.
  public init(version: Int, name: String, statements: [String]) {
    self.version = version
    self.name = name
    self.statements = statements
  }
}
