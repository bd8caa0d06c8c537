/// A record read by a ``KafkaConsumer``.
public struct KafkaConsumerMessage: Sendable {
  /// The topic it was read from.
  public var topic: String
  /// The partition it was read from.
  public var partition: Int32
  /// Its offset in that partition.
  public var offset: Int64
  /// The record key; `nil` when the record had none.
  public var key: [UInt8]?
  /// The record value; empty when the record had none.
  public var value: [UInt8]
  /// Record headers.
  public var headers: [KafkaHeader]
  /// The record timestamp, milliseconds since the epoch, when the broker gave one.
  public var timestampMilliseconds: Int64?

  /// Creates a message (the consumer does; tests may).
  public init(
    topic: String, partition: Int32, offset: Int64, key: [UInt8]?, value: [UInt8], headers: [KafkaHeader],
    timestampMilliseconds: Int64?
  ) {
    self.topic = topic
    self.partition = partition
    self.offset = offset
    self.key = key
    self.value = value
    self.headers = headers
    self.timestampMilliseconds = timestampMilliseconds
  }

  /// The key decoded as UTF-8, when present and valid.
  public var keyString: String? {
    key.flatMap { String(validating: $0, as: UTF8.self) }
  }

  /// The position of the record after this one: what a consumer commits once this record is processed.
  public var nextPosition: KafkaPartitionOffset {
    KafkaPartitionOffset(topic: topic, partition: partition, offset: offset + 1)
  }
}
