public import KafkaClient

extension HealthCheck {
  /// Healthy when a Kafka broker answers a Metadata request through `probe` (its long-lived handle; an answer is
  /// reused for about a second).
  public static func kafka(_ probe: KafkaHealthProbe) -> HealthCheck {
    HealthCheck(name: "kafka") { await probe.problem() }
  }
}
