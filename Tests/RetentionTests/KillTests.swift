import Contract
import Foundation
import KafkaClient
import PostgresNIO
import TestSupport
import TestTags
import Testing

@testable import Retention

/// Retention killed in the middle of a run, then two instances at once: every decision is made once, with one
/// event id, and every event id is on the topic; only the chunk in flight at the kill can be on it twice.
@Suite("Retention killed mid-run", .tags(.integration), .localStack, .serialized, .timeLimit(.minutes(6)))
struct KillTests {
  static let signals = 20_000
  static let adults = 2_000

  @Test("kill -9 during a run, start two instances: nothing decided twice, nothing missed, oldest first")
  func killAndTakeOver() async throws {
    let topic = try await TestKafka.newTopic("retention-kill")
    try await RetentionDatabase.with { database, postgres in
      // Everything fell due during a long downtime: expiries up to 600 days ago, erasures up to 300 days ago.
      try await postgres.query(
        """
        INSERT INTO retention_signals (signal_id, child_pseudonym, professional_id, status, registered_at, ends_on)
        SELECT md5('s' || i)::uuid, 'kid-' || i, 'p', 'active', now() - interval '3 years',
          current_date - (i % 600)::int FROM generate_series(1, \(Self.signals)) AS i
        """)
      try await postgres.query(
        """
        INSERT INTO retention_children (child_pseudonym, birth_date, turns_23_on)
        SELECT 'adult-' || i, current_date - (i % 300)::int - interval '23 years', current_date - (i % 300)::int
        FROM generate_series(1, \(Self.adults)) AS i
        """)
      let expected = try await dueDays(postgres)
      #expect(expected.count == Self.signals + Self.adults)
      let environment = [
        "VI_POSTGRES_URL": TestDatabase.url(database), "VI_KAFKA_BROKERS": TestKafka.brokers,
        "VI_TOPIC_SIGNALS": topic, "VI_KAFKA_GROUP_PREFIX": "kill-\(UUID().uuidString.prefix(8))",
        "VI_KAFKA_SESSION_TIMEOUT_MS": "6000", "VI_KAFKA_MAX_POLL_INTERVAL_MS": "6000",
        "VI_RETENTION_INTERVAL_SECONDS": "1", "VI_LOG_FORMAT": "json",
      ]
      func decided() async throws -> Int {
        try await postgres.count("SELECT count(*)::int FROM retention_lifecycle_decisions")
      }

      // The first instance starts its run at once; kill it once some chunks are committed.
      let first = try Self.serve(environment)
      let deadline = ContinuousClock.now + .seconds(120)
      while try await decided() < 2_000, ContinuousClock.now < deadline, first.isRunning {
        try await Task.sleep(for: .milliseconds(20))
      }
      // A moment later, so the kill falls anywhere in a chunk: while it is produced, or acknowledged but not committed.
      try await Task.sleep(for: .milliseconds(Int.random(in: 0..<1000)))
      await first.killHard()
      let committedByFirst = try await decided()
      #expect(
        committedByFirst > 0 && committedByFirst < expected.count, "killed after \(committedByFirst): \(first.tail)")

      // Two instances at once: one takes the lock and catches up, the other skips until nothing is left.
      let second = try Self.serve(environment)
      let third = try Self.serve(environment)
      let caughtUp = ContinuousClock.now + .seconds(180)
      while try await decided() < expected.count, ContinuousClock.now < caughtUp {
        try await Task.sleep(for: .milliseconds(200))
      }
      try await Task.sleep(for: .seconds(3))
      await second.stop()
      await third.stop()
      #expect(try await decided() == expected.count, "\(second.tail)\n\(third.tail)")
      #expect(
        second.emittedCounts.reduce(0, +) + third.emittedCounts.reduce(0, +) == expected.count - committedByFirst,
        "the two instances emitted \(second.emittedCounts) and \(third.emittedCounts)")

      // One decision, one event id: the decisions' ids are exactly the expected ones.
      let decisionIds = try await postgres.query("SELECT event_id FROM retention_lifecycle_decisions")
      var ids = Set<UUID>()
      for try await id in decisionIds.decode(UUID.self) { ids.insert(id) }
      #expect(ids == Set(expected.keys))

      // The topic holds every one of them; only the chunk in flight at the kill may be there twice.
      let collector = try TopicCollector(topic: topic)
      let records = try await withThrowingTaskGroup(of: [KafkaConsumerMessage]?.self) { group in
        group.addTask {
          try await collector.consumer.run()
          return nil
        }
        group.addTask {
          try await collector.collect()
          return nil
        }
        defer { group.cancelAll() }
        let deadline = ContinuousClock.now + .seconds(120)
        while Set(try collector.all.map { try EventCoding.decode(SignalEvent.self, from: $0.value).eventId }).count
          < expected.count, ContinuousClock.now < deadline
        {
          try await Task.sleep(for: .milliseconds(500))
        }
        try await Task.sleep(for: .seconds(3))
        return collector.all
      }
      let events = try records.map { try EventCoding.decode(SignalEvent.self, from: $0.value) }
      #expect(Set(events.map(\.eventId)) == Set(expected.keys))
      let repeated = events.count - Set(events.map(\.eventId)).count
      #expect(repeated <= 500, "\(repeated) events are on the topic twice: more than the one chunk in flight")

      // Oldest first: in each partition, the first copies come in order of due day.
      for partition in Set(records.map(\.partition)) {
        var seen = Set<UUID>()
        var last = CalendarDate(year: 1, month: 1, day: 1)!
        for record in records.filter({ $0.partition == partition }).sorted(by: { $0.offset < $1.offset }) {
          let id = try EventCoding.decode(SignalEvent.self, from: record.value).eventId
          guard seen.insert(id).inserted, let day = expected[id] else { continue }
          #expect(day >= last, "partition \(partition): \(day) after \(last)")
          last = day
        }
      }
    }
  }

  /// Starts `Retention serve` with `environment` on an HTTP port of its own.
  private static func serve(_ environment: [String: String]) throws -> ServiceProcess {
    let logs = FileManager.default.temporaryDirectory.appendingPathComponent("retention-tests")
    try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
    let process = try ServiceProcess(
      name: "Retention", arguments: ["serve"],
      environment: environment.merging(["VI_HTTP_PORT": String(try FreePort.next())]) { $1 }, logDirectory: logs)
    try process.start()
    return process
  }

  /// The event id and due day of everything due, from the seeded rows.
  private func dueDays(_ postgres: PostgresClient) async throws -> [UUID: CalendarDate] {
    var due: [UUID: CalendarDate] = [:]
    let signals = try await postgres.query(
      "SELECT signal_id, child_pseudonym, ends_on::text FROM retention_signals")
    for try await (id, child, endsOn) in signals.decode((UUID, String, String).self) {
      let item = DueItem(
        what: .expiry(signalId: id), childPseudonym: Pseudonym(value: child), dueOn: CalendarDate(endsOn)!)
      due[item.eventId] = item.dueOn
    }
    let children = try await postgres.query("SELECT child_pseudonym, turns_23_on::text FROM retention_children")
    for try await (child, day) in children.decode((String, String).self) {
      let item = DueItem(what: .erasure, childPseudonym: Pseudonym(value: child), dueOn: CalendarDate(day)!)
      due[item.eventId] = item.dueOn
    }
    return due
  }
}
