/// One dependency `/health` checks, such as the database.
public struct HealthCheck: Sendable {
  /// The dependency's name in the health report.
  public let name: String
  /// Returns `nil` when healthy, else what is wrong.
  public let check: @Sendable () async -> String?

  /// Declares a check.
  public init(name: String, check: @escaping @Sendable () async -> String?) {
    self.name = name
    self.check = check
  }
}
