import ServiceKit

/// SignalIntake's use of Kafka; its consumer is made from this declaration, and `--help` prints it.
enum SignalIntakeKafka {
  /// The organisations' signal commands.
  static let commands = KafkaUsage.Consumer.group("signal-intake", reads: .signalCommands)
  /// All of it: signal events and rejections from the intake loop and the HTTP API, registry changes from the
  /// admin API.
  static let usage = KafkaUsage(consumers: [commands], writes: [.signalCommandsRejected, .signals, .registry])
}
