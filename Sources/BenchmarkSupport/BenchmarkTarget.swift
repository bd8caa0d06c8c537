import Foundation
public import KafkaClient
public import Logging
public import ServiceKit

/// The system under measurement, found through the variables the services themselves read: the broker, the topics
/// and SignalIntake.
public struct BenchmarkTarget: Sendable {
  /// The process environment.
  public let environment: [String: String]
  /// Names this run's organisations, consumer groups and client: unique per run.
  public let runID: String
  /// Warnings and errors only: a benchmark prints its figures, not a log.
  public let logger: Logger

  /// A target for a run whose id begins with `prefix`.
  public init(runPrefix prefix: String, label: String) {
    environment = ProcessInfo.processInfo.environment
    runID = prefix + UUID().uuidString.prefix(6).lowercased()
    var logger = Logger(label: label)
    logger.logLevel = .warning
    self.logger = logger
  }

  /// `VI_KAFKA_BROKERS`, default the local broker.
  public var brokers: String { environment["VI_KAFKA_BROKERS"] ?? "127.0.0.1:9092" }
  /// `VI_INTAKE_URL`, default the local SignalIntake.
  public var intakeURL: String { environment["VI_INTAKE_URL"] ?? "http://127.0.0.1:8080" }
  /// A Kafka client named after the run.
  public var client: KafkaClientConfiguration { KafkaClientConfiguration(bootstrapServers: brokers, clientID: runID) }

  /// The topic names, from the `VI_TOPIC_*` variables.
  public func topics() throws -> TopicNames { try TopicNames(EnvironmentVariables(environment)) }

  /// SignalIntake's admin API, with the token in `VI_ADMIN_TOKEN`.
  public func adminAPI() throws -> AdminAPI {
    guard let token = environment["VI_ADMIN_TOKEN"], !token.isEmpty else {
      throw BenchmarkError("set VI_ADMIN_TOKEN (scripts/services.sh writes it to .vi/dev.env)")
    }
    return AdminAPI(intakeURL: intakeURL, token: token)
  }
}
