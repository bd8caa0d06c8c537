/// Settings every Kafka client shares: where the brokers are, who we are, and any extra librdkafka properties
/// (for example `security.protocol`, `sasl.mechanisms`, `sasl.username`, `sasl.password` in production).
public struct KafkaClientConfiguration: Sendable {
  /// `host:port` pairs, comma-separated (librdkafka's `bootstrap.servers`).
  public var bootstrapServers: String
  /// The `client.id` shown in broker logs and metrics.
  public var clientID: String
  /// Further librdkafka properties; these override the defaults the client sets.
  public var properties: [String: String]

  /// Creates a client configuration.
  public init(bootstrapServers: String, clientID: String, properties: [String: String] = [:]) {
    self.bootstrapServers = bootstrapServers
    self.clientID = clientID
    self.properties = properties
  }

  /// The librdkafka properties for this client, with `defaults` under the caller's own `properties`.
  func librdkafkaProperties(defaults: [String: String]) -> [String: String] {
    var result = defaults
    result["bootstrap.servers"] = bootstrapServers
    result["client.id"] = clientID
    result.merge(properties) { _, own in own }
    return result
  }
}
