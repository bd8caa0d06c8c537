/// librdkafka's `security.protocol` values.
public enum KafkaSecurityProtocol: String, Sendable, CaseIterable {
  /// No TLS, no authentication: local development only.
  case plaintext
  /// TLS without SASL.
  case ssl
  /// SASL without TLS.
  case saslPlaintext = "sasl_plaintext"
  /// SASL over TLS: production.
  case saslSSL = "sasl_ssl"
}
