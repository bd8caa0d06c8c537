import Contract
import Foundation
import KafkaClient
import NIOConcurrencyHelpers
import PostgresNIO

@testable import Retention

/// Retention in-process against a database and a topic of its own on the real broker: the projection loop reads
/// the topic (Retention's own events included), the scheduler runs when the test says, on the day the test says,
/// and a collector reads everything on the topic.
final class RetentionHarness: Sendable {
  let topic: String
  /// The name of the harness's database.
  let database: String
  let postgres: PostgresClient
  let producer: KafkaProducer
  let collector: TopicCollector
  let scheduler: RetentionScheduler
  private let projectionConsumer: KafkaConsumer
  private let applied = NIOLockedValueBox(0)
  private let produced = NIOLockedValueBox(0)

  private init(topic: String, database: String, postgres: PostgresClient, reminderDays: Int, chunkSize: Int) throws {
    self.topic = topic
    self.database = database
    self.postgres = postgres
    producer = try TestKafka.producer()
    collector = try TopicCollector(topic: topic)
    projectionConsumer = try TestKafka.consumer(group: "retention-\(topic)", topics: [topic])
    var scheduler = RetentionScheduler(
      postgres: postgres, producer: producer, signalsTopic: topic, reminderDays: reminderDays,
      logger: RetentionDatabase.logger)
    scheduler.chunkSize = chunkSize
    self.scheduler = scheduler
  }

  /// Runs `body` with a harness on a fresh database and topic; stops everything afterwards.
  static func with<T: Sendable>(
    reminderDays: Int = 28, chunkSize: Int = 500, _ body: @Sendable (RetentionHarness) async throws -> T
  ) async throws -> T {
    let topic = try await TestKafka.newTopic("retention")
    return try await RetentionDatabase.with { database, postgres in
      let harness = try RetentionHarness(
        topic: topic, database: database, postgres: postgres, reminderDays: reminderDays, chunkSize: chunkSize)
      return try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask {
          try await harness.producer.run()
          return nil
        }
        group.addTask {
          try await harness.projectionConsumer.run()
          return nil
        }
        group.addTask {
          let loop = ProjectionLoop(
            consumer: harness.projectionConsumer, postgres: postgres, logger: RetentionDatabase.logger,
            applied: { count in harness.applied.withLockedValue { $0 += count } })
          try await loop.run()
          return nil
        }
        group.addTask {
          try await harness.collector.consumer.run()
          return nil
        }
        group.addTask {
          try await harness.collector.collect()
          return nil
        }
        defer { group.cancelAll() }
        return try await body(harness)
      }
    }
  }

  /// Produces `events` onto the topic, keyed by child, as SignalIntake and the Matcher do.
  func produce(_ events: [SignalEvent]) async throws {
    guard !events.isEmpty else { return }
    _ = try await producer.send(
      try events.map {
        KafkaProducerMessage(topic: topic, key: $0.childPseudonym.value, value: try EventCoding.encode($0))
      })
    produced.withLockedValue { $0 += events.count }
  }

  /// Runs the schedule on `day` (emitting, unless `dryRun`).
  func run(on day: CalendarDate, dryRun: Bool = false) async throws -> RetentionScheduler.Run {
    guard let run = try await scheduler.run(clock: .fixed(on: day), dryRun: dryRun) else {
      throw HarnessError("the schedule lock was taken")
    }
    if run.emitted { produced.withLockedValue { $0 += run.items.count } }
    return run
  }

  /// How many records are on the topic: the test's and Retention's.
  var producedCount: Int { produced.withLockedValue { $0 } }

  /// Waits until the projection applied everything on the topic.
  func sync(timeout: Duration = .seconds(60)) async throws {
    let deadline = ContinuousClock.now + timeout
    let target = producedCount
    while applied.withLockedValue({ $0 }) < target {
      guard ContinuousClock.now < deadline else {
        throw HarnessError("the projection applied \(applied.withLockedValue { $0 }) of \(target) events")
      }
      try await Task.sleep(for: .milliseconds(10))
    }
  }
}

/// A test setup that did not work out.
struct HarnessError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
