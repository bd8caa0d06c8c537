import KafkaClient

/// How far the Matcher has applied one partition, as stored with its state: the next offset, and the newest record
/// timestamp applied.
///
/// A record at or after ``next`` is new. A record before it is normally a redelivery (another instance applied it
/// during a rebalance, or a crash came before the commit) and is skipped, so that each event takes effect once. But
/// when the topic was recreated or the broker lost its data (the development broker keeps it in memory), the
/// offsets start again from zero under new records, and skipping by offset alone would drop every one of them. So a
/// record before ``next`` that is newer than everything applied from the partition counts as new: a redelivered
/// record was applied, so it can never be newer than the newest applied.
///
/// What this assumes: the producers' clocks run forward. New data written after a loss carries later timestamps
/// than what was applied before it, unless a producer's clock is behind by more than the time since the last
/// applied record.
struct AppliedMark: Sendable, Equatable {
  /// The offset of the next record to apply.
  var next: Int64
  /// The newest record timestamp (milliseconds since the epoch) applied from the partition; `nil` before the first
  /// batch that had timestamps (also for rows from before migration 5): then only offsets count.
  var newestTimestamp: Int64?

  /// Whether `record` is still to be applied.
  func admits(_ record: KafkaConsumerMessage) -> Bool {
    if record.offset >= next { return true }
    guard let newestTimestamp, let timestamp = record.timestampMilliseconds else { return false }
    return timestamp > newestTimestamp
  }
}
