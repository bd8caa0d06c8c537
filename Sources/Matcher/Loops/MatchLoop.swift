import Contract
import Foundation
import KafkaClient
import Logging
import Metrics
import PostgresNIO
import Registry
import Rules
import ServiceLifecycle

/// Applies batches of signal events to PostgreSQL, one transaction per batch, together with the batch's offsets
/// and the match events it produces (into the outbox). A redelivered record is skipped by its offset and timestamp
/// (``AppliedMark``), so each event takes effect exactly once, even when two instances briefly read the same
/// partition during a rebalance, and new records that a recreated topic holds below the stored offset are applied.
struct MatchLoop: Sendable {
  let consumer: KafkaConsumer
  let postgres: PostgresClient
  let rules: MatchRules
  /// Organisation types and municipalities, read when a signal is stored.
  let registry: RegistryReplica
  let noticesTopic: String
  let logger: Logger

  func run() async throws {
    var statistics = StatisticsRefresh()
    for try await batch in consumer.batches.cancelOnGracefulShutdown() {
      let events = batch.map { record in
        (record, Result { try EventCoding.decode(SignalEvent.self, from: record.value) })
      }
      let outcome = try await apply(events)
      // Also commit to Kafka, for consumer-lag monitoring only: PostgreSQL's offsets are the ones that count.
      try? consumer.commit(batch.nextPositions)
      applied.increment(by: batch.count - outcome.skipped)
      if statistics.due(afterApplying: outcome.signals) {
        try await refreshStatistics()
      }
      made.increment(by: outcome.matches)
      if outcome.matches > 0 || outcome.skipped > 0 {
        logger.info(
          "Applied signal events",
          metadata: [
            "events": "\(batch.count)", "signals": "\(outcome.signals)", "matches": "\(outcome.matches)",
            "notices": "\(outcome.notices)", "redelivered": "\(outcome.skipped)",
          ])
      }
    }
  }

  private let applied = Counter(label: "vi_matcher_events_applied_total")
  private let made = Counter(label: "vi_matcher_matches_made_total")

  init(
    consumer: KafkaConsumer, postgres: PostgresClient, rules: MatchRules, registry: RegistryReplica,
    noticesTopic: String, logger: Logger
  ) {
    self.consumer = consumer
    self.postgres = postgres
    self.rules = rules
    self.registry = registry
    self.noticesTopic = noticesTopic
    self.logger = logger
  }

  /// Analyzes the tables the matching queries join, so that their plans follow the tables' growth.
  private func refreshStatistics() async throws {
    let started = ContinuousClock.now
    try await postgres.query("ANALYZE signals, children, child_parents, matches", logger: logger)
    logger.info("Refreshed table statistics", metadata: ["duration": "\(ContinuousClock.now - started)"])
  }

  /// What one batch did.
  struct Outcome {
    var signals = 0
    var matches = 0
    var notices = 0
    var skipped = 0
  }

  private func apply(_ events: [(KafkaConsumerMessage, Result<SignalEvent, any Error>)]) async throws -> Outcome {
    try await postgres.withTransaction(logger: logger) { connection in
      var outcome = Outcome()
      let marks = try await lockOffsets(for: events.map(\.0), connection)
      let fresh = events.filter { record, _ in
        marks[KafkaTopicPartition(topic: record.topic, partition: record.partition)]?.admits(record) ?? true
      }
      if let below = fresh.first(where: { record, _ in
        record.offset < marks[KafkaTopicPartition(topic: record.topic, partition: record.partition)]?.next ?? 0
      }) {
        logger.error(
          "New records below the stored offset (the topic was recreated or the broker lost its data); applying them",
          metadata: [
            "kafka.topic": "\(below.0.topic)", "kafka.partition": "\(below.0.partition)",
            "kafka.offset": "\(below.0.offset)",
          ])
      }
      outcome.skipped = events.count - fresh.count
      let applier = SignalApplier(
        connection: connection, rules: rules, registry: registry.current, noticesTopic: noticesTopic, logger: logger)
      var events: [SignalEvent] = []
      for (record, decoded) in fresh {
        switch decoded {
        case .success(let event):
          events.append(event)
        case .failure(let error):
          logger.error(
            "Skipping a signal event that cannot be read; it was written by an incompatible SignalIntake or Retention",
            metadata: [
              "kafka.partition": "\(record.partition)", "kafka.offset": "\(record.offset)",
              "error": "\(DecodingFailure.describe(error))",
            ])
        }
      }
      try await applier.lockFamilies(of: events)
      let effects = try await applier.apply(events)
      outcome.signals = effects.signals
      outcome.matches = effects.matches
      outcome.notices = effects.notices.count
      try await saveOffsets(fresh.map(\.0), connection)
      return outcome
    }
  }

  /// Locks the offset rows of the batch's partitions (so a second instance that read the same records waits, then
  /// skips them) and returns how far each partition was applied.
  private func lockOffsets(
    for records: [KafkaConsumerMessage], _ connection: PostgresConnection
  ) async throws -> [KafkaTopicPartition: AppliedMark] {
    let partitions = Set(records.map { KafkaTopicPartition(topic: $0.topic, partition: $0.partition) })
      .sorted { ($0.topic, $0.partition) < ($1.topic, $1.partition) }
    let topics = partitions.map(\.topic)
    let numbers = partitions.map { Int32($0.partition) }
    try await connection.query(
      """
      INSERT INTO consumer_offsets (topic, partition, next_offset)
      SELECT topic, partition, 0 FROM UNNEST(\(topics)::text[], \(numbers)::integer[]) AS p(topic, partition)
      ON CONFLICT DO NOTHING
      """, logger: logger)
    var marks: [KafkaTopicPartition: AppliedMark] = [:]
    let rows = try await connection.query(
      """
      SELECT o.topic, o.partition, o.next_offset, o.newest_timestamp_ms FROM consumer_offsets o
      JOIN UNNEST(\(topics)::text[], \(numbers)::integer[]) AS p(topic, partition)
        ON o.topic = p.topic AND o.partition = p.partition
      ORDER BY o.topic, o.partition
      FOR UPDATE OF o
      """, logger: logger)
    for try await (topic, partition, next, newest) in rows.decode((String, Int32, Int64, Int64?).self) {
      marks[KafkaTopicPartition(topic: topic, partition: partition)] = AppliedMark(next: next, newestTimestamp: newest)
    }
    return marks
  }

  private func saveOffsets(_ records: [KafkaConsumerMessage], _ connection: PostgresConnection) async throws {
    let positions = records.nextPositions
    guard !positions.isEmpty else { return }
    let topics = positions.map(\.topic)
    let numbers = positions.map { Int32($0.partition) }
    let offsets = positions.map { $0.offset! }
    // The newest timestamp per partition, in one pass; -1 where no record had one (then the stored one stays).
    var newestByPartition: [KafkaTopicPartition: Int64] = [:]
    for record in records {
      guard let timestamp = record.timestampMilliseconds else { continue }
      let partition = KafkaTopicPartition(topic: record.topic, partition: record.partition)
      newestByPartition[partition] = max(newestByPartition[partition] ?? timestamp, timestamp)
    }
    let newest = positions.map {
      newestByPartition[KafkaTopicPartition(topic: $0.topic, partition: $0.partition)] ?? -1
    }
    try await connection.query(
      """
      UPDATE consumer_offsets o
      SET next_offset = p.next_offset, newest_timestamp_ms = GREATEST(o.newest_timestamp_ms, NULLIF(p.newest, -1))
      FROM UNNEST(\(topics)::text[], \(numbers)::integer[], \(offsets)::bigint[], \(newest)::bigint[])
        AS p(topic, partition, next_offset, newest)
      WHERE o.topic = p.topic AND o.partition = p.partition
      """, logger: logger)
  }
}
