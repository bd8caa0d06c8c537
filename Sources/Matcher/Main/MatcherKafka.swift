import ServiceKit

/// The Matcher's use of Kafka; its consumers are made from these declarations, and `--help` prints them.
enum MatcherKafka {
  /// The signal events it applies (its offsets are kept in PostgreSQL; the group shares the partitions out).
  static let signals = KafkaUsage.Consumer.group("matcher", reads: .signals)
  /// Its copy of the registry.
  static let registry = KafkaUsage.Consumer.group("matcher-registry", reads: .registry)
  /// The outbox relay reading back the end of the notices topic after taking over (``OutboxRecovery``).
  static let outboxRecovery = KafkaUsage.Consumer.generatedGroups("matcher-outbox-recovery-", reads: .matches)
  /// All of it: the relay writes the notices, the rights API writes `child.corrected` and `child.erased` events.
  static let usage = KafkaUsage(consumers: [signals, registry, outboxRecovery], writes: [.matches, .signals])
}
