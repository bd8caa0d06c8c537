import Contract
import Foundation
import KafkaClient
import Logging
import PostgresNIO
import ServiceLifecycle

/// Decides what falls due at a date and emits it, recording each decision so that nothing is decided twice.
///
/// **One scheduler at a time.** A run holds a session-level advisory lock on one connection for its whole length;
/// an instance that cannot take it skips the run and tries again at its next interval. When the holder dies, its
/// connection closes, PostgreSQL releases the lock, and the next instance to try takes over.
///
/// **Exactly once, and what a crash does.** A run works in chunks of the oldest items due, one transaction each:
/// insert the chunk's decisions (unique per kind, subject and due day; only the rows actually inserted are
/// emitted), produce their events and wait until the broker acknowledged every one, then commit. So a decision is
/// committed only after its event is on the topic, and an item due is either decided with its event on the topic,
/// or not decided and emitted again by the next run. A crash between the broker's acknowledgement and the commit
/// leaves events of one chunk on the topic without their decisions; the next run emits them again with the same,
/// name-based event ids, and the consumers apply them idempotently (the Matcher by event id and state, this
/// projection by state). Strictly once on the topic would need Kafka transactions, which our producer does not
/// offer; so "emitted twice" here means one decision with two different event ids, or one decision made twice, and
/// neither can happen. At most one chunk's events (``chunkSize``) can appear twice on the topic after a crash.
///
/// **Catch-up.** A run takes everything due up to its date that was not decided, oldest first, so a run after
/// downtime emits what fell due meanwhile, in order.
///
/// **Forgetting.** A run ends by forgetting decisions older than a month whose signal or child has left the
/// projection (``forgetSettledDecisions(_:)``), so the table does not grow without end and keeps no erased child's
/// pseudonym.
struct RetentionScheduler: Sendable {
  /// "vire": the advisory lock id of the schedule.
  static let lockKey: Int64 = 0x7669_7265

  let postgres: PostgresClient
  let producer: KafkaProducer
  let signalsTopic: String
  /// Days before its end date that a signal's reminder falls due; 0 for no reminders.
  let reminderDays: Int
  /// The most items decided and emitted in one transaction.
  var chunkSize = 500
  let logger: Logger
  var metrics = RetentionMetrics()

  /// What a run found (dry run) or emitted.
  struct Run: Sendable {
    var asOf: CalendarDate
    var items: [DueItem]
    var emitted: Bool
  }

  /// Evaluates the schedule at `clock`'s day; emits and records unless `dryRun`. `nil` when another instance holds
  /// the schedule lock. A dry run takes no lock and changes nothing.
  func run(clock: RetentionClock, dryRun: Bool) async throws -> Run? {
    let now = clock.now
    let asOf = CalendarDate(now)
    if dryRun {
      let items = try await postgres.withConnection { connection in
        try await due(asOf: asOf, limit: nil, connection)
      }
      return Run(asOf: asOf, items: items, emitted: false)
    }
    return try await postgres.withConnection { connection in
      guard try await lock(connection) else { return nil }
      let items: [DueItem]
      do {
        items = try await emitAll(asOf: asOf, now: now, connection)
        try await forgetSettledDecisions(connection)
      } catch {
        // The connection goes back to the pool: it must not keep the lock. If it cannot even unlock it is broken,
        // and the pool closes it, which releases the lock as well.
        try? await unlock(connection)
        throw error
      }
      try await unlock(connection)
      metrics.recordRun()
      if !items.isEmpty {
        logger.info(
          "Emitted lifecycle events",
          metadata: [
            "as-of": "\(asOf)", "count": "\(items.count)",
            "kinds": "\(Dictionary(grouping: items, by: \.kind.rawValue).mapValues(\.count))",
          ])
      }
      return Run(asOf: asOf, items: items, emitted: true)
    }
  }

  /// Decides and emits everything due at `asOf`, a chunk per transaction, until nothing is left or the service is
  /// shutting down (the next run goes on where this one stopped).
  private func emitAll(asOf: CalendarDate, now: Date, _ connection: PostgresConnection) async throws -> [DueItem] {
    var emitted: [DueItem] = []
    while !Task.isShuttingDownGracefully {
      let (found, chunk) = try await connection.withTransaction(logger: logger) { transaction in
        let candidates = try await due(asOf: asOf, limit: chunkSize, transaction)
        guard !candidates.isEmpty else { return (0, [DueItem]()) }
        let decided = try await record(candidates, transaction)
        let items = candidates.filter {
          decided.contains(DecisionKey(kind: $0.kind.rawValue, subject: $0.subject, dueOn: $0.dueOn.description))
        }
        _ = try await producer.send(
          try items.map { item in
            let event = item.event(asOf: asOf, at: now)
            return KafkaProducerMessage(
              topic: signalsTopic, key: event.childPseudonym.value, value: try EventCoding.encode(event))
          })
        return (candidates.count, items)
      }
      emitted += chunk
      metrics.record(emitted: chunk)
      if found < chunkSize { break }
    }
    return emitted
  }

  /// A decision's identity.
  private struct DecisionKey: Hashable {
    var kind: String
    var subject: String
    var dueOn: String
  }

  /// Inserts the decisions of `items`; returns those that were not decided before.
  private func record(_ items: [DueItem], _ connection: PostgresConnection) async throws -> Set<DecisionKey> {
    let rows = try await connection.query(
      """
      INSERT INTO retention_lifecycle_decisions (kind, subject, due_on, event_id)
      SELECT * FROM UNNEST(\(items.map(\.kind.rawValue))::text[], \(items.map(\.subject))::text[],
        \(items.map(\.dueOn.description))::date[], \(items.map(\.eventId))::uuid[])
      ON CONFLICT DO NOTHING
      RETURNING kind, subject, due_on::text
      """, logger: logger)
    var decided = Set<DecisionKey>()
    for try await (kind, subject, dueOn) in rows.decode((String, String, String).self) {
      decided.insert(DecisionKey(kind: kind, subject: subject, dueOn: dueOn))
    }
    return decided
  }

  private func lock(_ connection: PostgresConnection) async throws -> Bool {
    let rows = try await connection.query("SELECT pg_try_advisory_lock(\(Self.lockKey))", logger: logger)
    for try await locked in rows.decode(Bool.self) { return locked }
    return false
  }

  private func unlock(_ connection: PostgresConnection) async throws {
    try await connection.query("SELECT pg_advisory_unlock(\(Self.lockKey))", logger: logger)
  }
}
