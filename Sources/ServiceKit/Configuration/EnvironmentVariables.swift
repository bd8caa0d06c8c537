import Foundation

/// Reads ``Setting``s from the process environment (or a given dictionary, in tests), failing with a
/// ``ConfigurationError`` that names the variable.
public struct EnvironmentVariables: Sendable {
  private let values: [String: String]

  /// The process environment.
  public static var process: EnvironmentVariables { EnvironmentVariables(ProcessInfo.processInfo.environment) }

  /// An environment made of `values`.
  public init(_ values: [String: String]) {
    self.values = values
  }

  /// The setting's value: the variable when set and non-empty, else the default. Throws when it is required and
  /// missing, or when the value does not parse.
  public func read<Value>(_ setting: Setting<Value>) throws -> Value {
    let given = values[setting.name].flatMap { $0.isEmpty ? nil : $0 }
    guard let text = given ?? setting.defaultValue else {
      throw ConfigurationError(variable: setting.name, reason: "is required: set it to \(setting.expected)")
    }
    guard let value = setting.parse(text) else {
      let shown = setting.isSecret ? "(hidden)" : "'\(text)'"
      throw ConfigurationError(variable: setting.name, reason: "is \(shown); expected \(setting.expected)")
    }
    return value
  }
}
