/// The records a partition holds now: from `low` (the first offset) up to, not including, `high` (the next offset
/// to be written).
public struct KafkaPartitionRange: Sendable, Hashable {
  /// The first offset still in the partition.
  public var low: Int64
  /// The offset the next record will get.
  public var high: Int64

  /// Creates a range.
  public init(low: Int64, high: Int64) {
    self.low = low
    self.high = high
  }
}
