/// The Kafka topics, each configurable. `vi.signal-commands` and its rejections are the external contract; the
/// others are internal.
public struct TopicNames: Sendable, Hashable {
  /// Commands from organisations' source systems (external).
  public var signalCommands: String
  /// Rejected commands, keyed by organisation (external).
  public var signalCommandsRejected: String
  /// Valid signals and lifecycle events, pseudonymised, keyed by child pseudonym.
  public var signals: String
  /// Matches and other notices for the Notifier.
  public var matches: String
  /// Registry changes: organisations, professionals, municipalities (compacted).
  public var registry: String
  /// E-mails that failed permanently.
  public var notificationsFailed: String

  static let signalCommandsSetting = Setting<String>.string(
    "VI_TOPIC_SIGNAL_COMMANDS", default: "vi.signal-commands", help: "Intake topic for signal commands")
  static let signalCommandsRejectedSetting = Setting<String>.string(
    "VI_TOPIC_SIGNAL_COMMANDS_REJECTED", default: "vi.signal-commands.rejected", help: "Topic of rejected commands")
  static let signalsSetting = Setting<String>.string(
    "VI_TOPIC_SIGNALS", default: "vi.signals", help: "Topic of valid, pseudonymised signal and lifecycle events")
  static let matchesSetting = Setting<String>.string(
    "VI_TOPIC_MATCHES", default: "vi.matches", help: "Topic of match events for the Notifier")
  static let registrySetting = Setting<String>.string(
    "VI_TOPIC_REGISTRY", default: "vi.registry", help: "Compacted topic of registry changes")
  static let notificationsFailedSetting = Setting<String>.string(
    "VI_TOPIC_NOTIFICATIONS_FAILED", default: "vi.notifications.failed", help: "Topic of e-mails that failed")

  static let settings = [
    signalCommandsSetting, signalCommandsRejectedSetting, signalsSetting, matchesSetting, registrySetting,
    notificationsFailedSetting,
  ]

  /// Reads the topic names from the environment.
  public init(_ environment: EnvironmentVariables) throws {
    signalCommands = try environment.read(Self.signalCommandsSetting)
    signalCommandsRejected = try environment.read(Self.signalCommandsRejectedSetting)
    signals = try environment.read(Self.signalsSetting)
    matches = try environment.read(Self.matchesSetting)
    registry = try environment.read(Self.registrySetting)
    notificationsFailed = try environment.read(Self.notificationsFailedSetting)
  }
}
