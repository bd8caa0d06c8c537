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

  /// The partition holds fewer records than the stored offset says were read: the topic was recreated, or the
  /// broker lost its data (a development broker that keeps it in memory, after a restart). Every record now in the
  /// partition is one this group has not applied, so the consumer reads it again from `offset`, its first record.
  ///
  /// Move the stored offset back to `offset` wherever it still lies beyond `end` (the partition's end offset),
  /// so that those records are applied instead of skipped as redelivered. A store that a second instance may have
  /// moved meanwhile keeps that instance's offset when it is no longer beyond `end`. Called before the consumer
  /// reads from `offset`; a throwing call is retried like ``partitionsAssigned(_:)``.
  func partitionRewound(_ partition: KafkaTopicPartition, to offset: Int64, end: Int64) async throws

  /// Partitions are about to be taken away. Records of these partitions already handed out may still be processed;
  /// a store that fences its writes by offset stays correct.
  func partitionsRevoked(_ partitions: [KafkaTopicPartition]) async
}
