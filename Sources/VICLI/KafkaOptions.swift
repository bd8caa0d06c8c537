import ArgumentParser
import Foundation
import KafkaClient
import ServiceKit

/// Where the Kafka brokers are, and the topic names: the same `VI_KAFKA_*` and `VI_TOPIC_*` variables the services
/// read (SASL and TLS included), with the brokers overridable by option.
struct KafkaOptions: ParsableArguments {
  @Option(help: "Kafka bootstrap servers, host:port[,host:port...] (default: $VI_KAFKA_BROKERS, else 127.0.0.1:9092).")
  var brokers: String?

  /// The process environment, with `--brokers` in place of `VI_KAFKA_BROKERS`.
  var environment: EnvironmentVariables {
    var values = ProcessInfo.processInfo.environment
    if let brokers {
      values[Settings.kafkaBrokers.name] = brokers
    }
    return EnvironmentVariables(values)
  }

  /// The client configuration (brokers, security) for a client named `clientID`.
  func client(_ clientID: String) throws -> KafkaClientConfiguration {
    do {
      return try KafkaClientConfiguration(environment, clientID: clientID)
    } catch {
      throw CLIError("\(error)")
    }
  }

  /// The topic names (`VI_TOPIC_*`, with their defaults).
  func topics() throws -> TopicNames {
    do {
      return try TopicNames(environment)
    } catch {
      throw CLIError("\(error)")
    }
  }
}
