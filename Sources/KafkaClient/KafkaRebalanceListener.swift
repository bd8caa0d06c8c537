/// Told when the group gives this consumer partitions or takes them away.
///
/// A service that keeps its consumer offsets in its own store (the Matcher keeps them in PostgreSQL, written in the
/// same transaction as its state) returns them from ``partitionsAssigned(_:)``; the consumer then starts each
/// partition there instead of at the group's committed offset.
public protocol KafkaRebalanceListener: Sendable {
  /// Partitions were assigned. Returns the offset to start each at (the next record to read); a partition left out
  /// starts at the group's committed offset, or at `auto.offset.reset` without one.
  ///
  /// The consumer retries a throwing call with backoff until it succeeds or the consumer shuts down: it never
  /// starts a partition from a guessed offset.
  func partitionsAssigned(_ partitions: [KafkaTopicPartition]) async throws -> [KafkaTopicPartition: Int64]

  /// Partitions are about to be taken away. Records of these partitions already handed out may still be processed;
  /// a store that fences its writes by offset stays correct.
  func partitionsRevoked(_ partitions: [KafkaTopicPartition]) async
}
