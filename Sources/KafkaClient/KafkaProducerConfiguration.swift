/// Settings of a ``KafkaProducer``.
public struct KafkaProducerConfiguration: Sendable {
  /// Brokers, client id and extra properties.
  public var client: KafkaClientConfiguration
  /// How long librdkafka keeps trying to deliver a record before it reports failure (`message.timeout.ms`).
  public var messageTimeoutMilliseconds: Int
  /// How long records wait to be batched (`linger.ms`).
  public var lingerMilliseconds: Int
  /// How long a graceful shutdown waits for records still in flight.
  public var shutdownFlushTimeout: Duration

  /// Creates a producer configuration. Idempotence (`enable.idempotence=true`, `acks=all`) is always on.
  public init(
    client: KafkaClientConfiguration, messageTimeoutMilliseconds: Int = 30_000, lingerMilliseconds: Int = 5,
    shutdownFlushTimeout: Duration = .seconds(10)
  ) {
    self.client = client
    self.messageTimeoutMilliseconds = messageTimeoutMilliseconds
    self.lingerMilliseconds = lingerMilliseconds
    self.shutdownFlushTimeout = shutdownFlushTimeout
  }

  var librdkafkaProperties: [String: String] {
    client.librdkafkaProperties(defaults: [
      "enable.idempotence": "true",
      "acks": "all",
      "message.timeout.ms": String(messageTimeoutMilliseconds),
      "linger.ms": String(lingerMilliseconds),
    ])
  }
}
