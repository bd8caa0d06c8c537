public import Logging

extension Setting where Value == Logger.Level {
  /// A swift-log level: trace, debug, info, notice, warning, error or critical.
  public static func logLevel(_ name: String, default value: Logger.Level, help: String) -> Self {
    Setting(
      name, default: value.rawValue,
      expected: "one of " + Logger.Level.allCases.map(\.rawValue).joined(separator: ", "), help: help
    ) { Logger.Level(rawValue: $0.lowercased()) }
  }
}
