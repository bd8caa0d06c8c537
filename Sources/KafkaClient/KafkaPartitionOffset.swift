/// A topic partition, with an offset where one matters.
public struct KafkaPartitionOffset: Sendable, Hashable, CustomStringConvertible {
  /// The topic.
  public var topic: String
  /// The partition.
  public var partition: Int32
  /// The offset: the next record to read, or `nil` for "wherever the group's committed offset or
  /// `auto.offset.reset` says".
  public var offset: Int64?

  /// Creates a topic partition with an optional offset.
  public init(topic: String, partition: Int32, offset: Int64? = nil) {
    self.topic = topic
    self.partition = partition
    self.offset = offset
  }

  /// `topic[partition]@offset`.
  public var description: String { "\(topic)[\(partition)]@\(offset.map(String.init) ?? "-")" }
}

/// A topic and partition, without offset: the key to per-partition state.
public struct KafkaTopicPartition: Sendable, Hashable {
  /// The topic.
  public var topic: String
  /// The partition.
  public var partition: Int32

  /// Creates a topic partition.
  public init(topic: String, partition: Int32) {
    self.topic = topic
    self.partition = partition
  }
}
