import Foundation
public import KafkaClient

/// The Kafka topics a service reads and writes and the consumer groups it joins, declared once per service.
///
/// The service creates its consumers from these declarations (``KafkaSettings/consumer(_:maxBatchSize:)``), and
/// `--help` prints them (``help``), so that a secured cluster's ACLs can be held against what the code does:
/// scripts/check_compose.py compares them with the ACLs that compose/kafka/init.sh grants, in both directions.
public struct KafkaUsage: Sendable {
  /// A consumer group the service joins and the topic it reads in it.
  public struct Consumer: Sendable {
    /// The group id after `<VI_KAFKA_GROUP_PREFIX>.`; for a ``generated`` group, the start of it.
    public var group: String
    /// Whether every consumer of this kind joins a new group, named ``group`` followed by a random UUID.
    public var generated: Bool
    /// The topic it reads.
    public var topic: TopicNames.Topic

    /// A group with the fixed id `<prefix>.<group>`.
    public static func group(_ group: String, reads topic: TopicNames.Topic) -> Self {
      Self(group: group, generated: false, topic: topic)
    }

    /// Groups made for each use, `<prefix>.<group><UUID>`: ACLs grant them by the prefix `<prefix>.<group>`.
    public static func generatedGroups(_ group: String, reads topic: TopicNames.Topic) -> Self {
      Self(group: group, generated: true, topic: topic)
    }
  }

  /// The consumers the service creates.
  public var consumers: [Consumer]
  /// The topics the service produces onto.
  public var writes: [TopicNames.Topic]

  /// Declares a service's use of Kafka.
  public init(consumers: [Consumer], writes: [TopicNames.Topic]) {
    self.consumers = consumers
    self.writes = writes
  }

  /// The `--help` section, one line per topic read (with its group) and per topic written. The format is read by
  /// scripts/check_compose.py: `  reads VI_TOPIC_X in group <prefix>.NAME`, `... in groups <prefix>.START*`,
  /// `  writes VI_TOPIC_X`.
  public var help: String {
    let reads = consumers.map { consumer in
      consumer.generated
        ? "  reads \(consumer.topic.variable) in groups <prefix>.\(consumer.group)*"
        : "  reads \(consumer.topic.variable) in group <prefix>.\(consumer.group)"
    }
    let writes = writes.map { "  writes \($0.variable)" }
    return "Kafka (for the ACLs of a secured cluster; topics by their setting, <prefix> = VI_KAFKA_GROUP_PREFIX):\n"
      + (reads + writes).joined(separator: "\n")
  }
}

extension TopicNames {
  /// A topic by its role; its name is the value of its `VI_TOPIC_*` setting.
  public enum Topic: String, CaseIterable, Sendable {
    /// `VI_TOPIC_SIGNAL_COMMANDS`.
    case signalCommands
    /// `VI_TOPIC_SIGNAL_COMMANDS_REJECTED`.
    case signalCommandsRejected
    /// `VI_TOPIC_SIGNALS`.
    case signals
    /// `VI_TOPIC_MATCHES`.
    case matches
    /// `VI_TOPIC_REGISTRY`.
    case registry
    /// `VI_TOPIC_NOTIFICATIONS_FAILED`.
    case notificationsFailed

    /// The environment variable that names the topic.
    public var variable: String {
      switch self {
      case .signalCommands: TopicNames.signalCommandsSetting.name
      case .signalCommandsRejected: TopicNames.signalCommandsRejectedSetting.name
      case .signals: TopicNames.signalsSetting.name
      case .matches: TopicNames.matchesSetting.name
      case .registry: TopicNames.registrySetting.name
      case .notificationsFailed: TopicNames.notificationsFailedSetting.name
      }
    }
  }

  /// The configured name of `topic`.
  public subscript(topic: Topic) -> String {
    switch topic {
    case .signalCommands: signalCommands
    case .signalCommandsRejected: signalCommandsRejected
    case .signals: signals
    case .matches: matches
    case .registry: registry
    case .notificationsFailed: notificationsFailed
    }
  }
}

extension KafkaSettings {
  /// A consumer configuration for a declared consumer: group `<prefix>.<group>` (with a new UUID after it for
  /// generated groups) on the configured name of its topic.
  public func consumer(_ consumer: KafkaUsage.Consumer, maxBatchSize: Int = 500) -> KafkaConsumerConfiguration {
    let group = consumer.generated ? consumer.group + UUID().uuidString : consumer.group
    return self.consumer(group: group, topics: [topics[consumer.topic]], maxBatchSize: maxBatchSize)
  }
}
