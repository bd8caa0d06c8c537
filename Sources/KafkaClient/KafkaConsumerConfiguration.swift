/// Settings of a ``KafkaConsumer``.
public struct KafkaConsumerConfiguration: Sendable {
  /// Where a partition starts when neither the outside offset store nor the group has an offset for it.
  public enum OffsetReset: String, Sendable {
    /// From the oldest record still on the broker.
    case earliest
    /// From the next record written.
    case latest
  }

  /// Brokers, client id and extra properties.
  public var client: KafkaClientConfiguration
  /// The consumer group; instances with the same group share the partitions.
  public var groupID: String
  /// The topics to subscribe to.
  public var topics: [String]
  /// `session.timeout.ms`: how long the group waits for a silent member. Keep it short in tests.
  public var sessionTimeoutMilliseconds: Int
  /// `max.poll.interval.ms`: the longest a batch may take before the member is thrown out of the group.
  public var maxPollIntervalMilliseconds: Int
  /// Where to start without a stored offset.
  public var offsetReset: OffsetReset
  /// The most records handed over in one batch.
  public var maxBatchSize: Int
  /// How long the poll thread waits for the first record of a batch before it checks for shutdown again.
  public var pollTimeoutMilliseconds: Int32

  /// Creates a consumer configuration. Auto-commit is always off: the caller commits.
  public init(
    client: KafkaClientConfiguration, groupID: String, topics: [String], sessionTimeoutMilliseconds: Int = 10_000,
    maxPollIntervalMilliseconds: Int = 60_000, offsetReset: OffsetReset = .earliest, maxBatchSize: Int = 500,
    pollTimeoutMilliseconds: Int32 = 100
  ) {
    self.client = client
    self.groupID = groupID
    self.topics = topics
    self.sessionTimeoutMilliseconds = sessionTimeoutMilliseconds
    self.maxPollIntervalMilliseconds = maxPollIntervalMilliseconds
    self.offsetReset = offsetReset
    self.maxBatchSize = maxBatchSize
    self.pollTimeoutMilliseconds = pollTimeoutMilliseconds
  }

  var librdkafkaProperties: [String: String] {
    client.librdkafkaProperties(defaults: [
      "group.id": groupID,
      "enable.auto.commit": "false",
      "enable.auto.offset.store": "false",
      "auto.offset.reset": offsetReset.rawValue,
      "session.timeout.ms": String(sessionTimeoutMilliseconds),
      "heartbeat.interval.ms": String(max(100, sessionTimeoutMilliseconds / 5)),
      "max.poll.interval.ms": String(maxPollIntervalMilliseconds),
      "enable.partition.eof": "false",
    ])
  }
}
