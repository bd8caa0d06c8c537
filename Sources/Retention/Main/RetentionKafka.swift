import ServiceKit

/// Retention's use of Kafka; its consumer is made from this declaration, and `--help` prints it.
enum RetentionKafka {
  /// The signal events it projects into its schedule.
  static let signals = KafkaUsage.Consumer.group("retention", reads: .signals)
  /// All of it: the schedule publishes its lifecycle events onto the signals topic.
  static let usage = KafkaUsage(consumers: [signals], writes: [.signals])
}
