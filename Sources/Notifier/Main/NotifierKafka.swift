import ServiceKit

/// The Notifier's use of Kafka; its consumers are made from these declarations, and `--help` prints them.
enum NotifierKafka {
  /// The notices to e-mail.
  static let notices = KafkaUsage.Consumer.group("notifier", reads: .matches)
  /// Its copy of the registry (the professionals' e-mail addresses).
  static let registry = KafkaUsage.Consumer.group("notifier-registry", reads: .registry)
  /// All of it: e-mails that failed for good are published.
  static let usage = KafkaUsage(consumers: [notices, registry], writes: [.notificationsFailed])
}
