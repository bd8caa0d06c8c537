/// Where the broker stored a produced record.
public struct KafkaDeliveryReport: Sendable, Hashable {
  /// The topic the record was written to.
  public var topic: String
  /// The partition the record was written to.
  public var partition: Int32
  /// The record's offset in that partition.
  public var offset: Int64
}
