import Foundation
public import KafkaClient

extension KafkaClientConfiguration {
  /// Brokers and security from the `VI_KAFKA_*` settings.
  public init(_ environment: EnvironmentVariables, clientID: String) throws {
    var properties: [String: String] = [:]
    let securityProtocol = try environment.read(Settings.kafkaSecurityProtocol)
    properties["security.protocol"] = securityProtocol.rawValue
    if securityProtocol == .saslPlaintext || securityProtocol == .saslSSL {
      properties["sasl.mechanisms"] = try environment.read(Settings.kafkaSaslMechanism)
      guard let username = try environment.read(Settings.kafkaSaslUsername) else {
        throw ConfigurationError(variable: Settings.kafkaSaslUsername.name, reason: "is required with SASL")
      }
      guard let password = try environment.read(Settings.kafkaSaslPassword) else {
        throw ConfigurationError(variable: Settings.kafkaSaslPassword.name, reason: "is required with SASL")
      }
      properties["sasl.username"] = username
      properties["sasl.password"] = password
    }
    if let authority = try environment.read(Settings.kafkaSSLCALocation) {
      guard securityProtocol == .ssl || securityProtocol == .saslSSL else {
        throw ConfigurationError(
          variable: Settings.kafkaSSLCALocation.name,
          reason:
            "is set, but VI_KAFKA_SECURITY_PROTOCOL is \(securityProtocol.rawValue), which uses no TLS; use ssl or "
            + "sasl_ssl, or unset it")
      }
      guard FileManager.default.isReadableFile(atPath: authority) else {
        throw ConfigurationError(
          variable: Settings.kafkaSSLCALocation.name,
          reason: "names \(authority), which is not a readable file; give the path of the CA's PEM certificate")
      }
      properties["ssl.ca.location"] = authority
    }
    self.init(bootstrapServers: try environment.read(Settings.kafkaBrokers), clientID: clientID, properties: properties)
  }
}
