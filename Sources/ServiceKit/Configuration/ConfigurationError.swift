/// A configuration variable is missing or has a value the service cannot use. The service exits non-zero with it.
public struct ConfigurationError: Error, CustomStringConvertible, Sendable {
  /// The environment variable, e.g. `VI_KAFKA_BROKERS`.
  public let variable: String
  /// What is wrong and what would be right.
  public let reason: String

  /// Creates an error about `variable`.
  public init(variable: String, reason: String) {
    self.variable = variable
    self.reason = reason
  }

  /// The message printed at start: the variable and what is wrong with it.
  public var description: String { "invalid configuration: \(variable) \(reason)" }
}
