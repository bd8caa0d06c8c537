import ServiceKit

/// Everything Retention reads from its environment, validated at start.
struct RetentionSettings: Sendable {
  static let defaults = ServiceSettings.Defaults(clientID: "retention", database: "vi_retention", httpPort: 8083)
  static let interval = Setting<Int>.integer(
    "VI_RETENTION_INTERVAL_SECONDS", default: 3600, in: 1...86_400, help: "Seconds between two schedule runs")
  static let reminderDays = Setting<Int>.integer(
    "VI_RETENTION_REMINDER_DAYS", default: 28, in: 0...365,
    help: "Days before a signal's end date that its professional is reminded; 0 for no reminder")

  /// For `--help`.
  static let documentation = ServiceSettings.documentation(
    defaults, own: [interval.documentation, reminderDays.documentation])

  var common: ServiceSettings
  var interval: Duration
  var reminderDays: Int

  init(_ environment: EnvironmentVariables) throws {
    common = try ServiceSettings(environment, defaults: Self.defaults)
    interval = .seconds(try environment.read(Self.interval))
    reminderDays = try environment.read(Self.reminderDays)
  }
}
