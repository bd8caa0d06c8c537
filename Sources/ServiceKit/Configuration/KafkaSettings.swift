public import KafkaClient

/// The Kafka settings a service reads, gathered: client, group timeouts, topic names and topic creation.
public struct KafkaSettings: Sendable {
  /// Brokers and security.
  public var client: KafkaClientConfiguration
  /// Topic names.
  public var topics: TopicNames
  /// Whether to create missing topics at start.
  public var createTopics: Bool
  /// Partitions of created topics.
  public var partitions: Int32
  /// Prefix of consumer group ids.
  public var groupPrefix: String
  /// `session.timeout.ms`.
  public var sessionTimeoutMilliseconds: Int
  /// `max.poll.interval.ms`.
  public var maxPollIntervalMilliseconds: Int

  /// Reads the `VI_KAFKA_*` and `VI_TOPIC_*` settings; `clientID` names this service to the brokers.
  public init(_ environment: EnvironmentVariables, clientID: String) throws {
    client = try KafkaClientConfiguration(environment, clientID: clientID)
    topics = try TopicNames(environment)
    createTopics = try environment.read(Settings.kafkaCreateTopics)
    partitions = Int32(try environment.read(Settings.kafkaPartitions))
    groupPrefix = try environment.read(Settings.kafkaGroupPrefix)
    sessionTimeoutMilliseconds = try environment.read(Settings.kafkaSessionTimeout)
    maxPollIntervalMilliseconds = try environment.read(Settings.kafkaMaxPollInterval)
  }

  /// A consumer configuration for group `<prefix>.<group>` on `topics`.
  public func consumer(group: String, topics: [String], maxBatchSize: Int = 500) -> KafkaConsumerConfiguration {
    KafkaConsumerConfiguration(
      client: client, groupID: "\(groupPrefix).\(group)", topics: topics,
      sessionTimeoutMilliseconds: sessionTimeoutMilliseconds,
      maxPollIntervalMilliseconds: maxPollIntervalMilliseconds, maxBatchSize: maxBatchSize)
  }

  /// A producer configuration.
  public var producer: KafkaProducerConfiguration {
    KafkaProducerConfiguration(client: client)
  }

  /// A topic with the configured partition count.
  public func topic(_ name: String, compacted: Bool = false) -> KafkaTopic {
    KafkaTopic(name: name, partitions: partitions, config: compacted ? ["cleanup.policy": "compact"] : [:])
  }
}
