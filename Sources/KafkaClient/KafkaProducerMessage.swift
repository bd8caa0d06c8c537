/// A record to produce: topic, optional key, value and headers.
public struct KafkaProducerMessage: Sendable {
  /// The topic to write to.
  public var topic: String
  /// The partition, or `nil` to let the partitioner choose from the key.
  public var partition: Int32?
  /// The record key, used for partitioning.
  public var key: [UInt8]?
  /// The record value.
  public var value: [UInt8]
  /// Record headers.
  public var headers: [KafkaHeader]

  /// Creates a record.
  public init(
    topic: String, partition: Int32? = nil, key: [UInt8]?, value: [UInt8], headers: [KafkaHeader] = []
  ) {
    self.topic = topic
    self.partition = partition
    self.key = key
    self.value = value
    self.headers = headers
  }

  /// Creates a record with a UTF-8 string key.
  public init(topic: String, key: String, value: [UInt8], headers: [KafkaHeader] = []) {
    self.init(topic: topic, key: Array(key.utf8), value: value, headers: headers)
  }
}
