import BenchmarkSupport
import Contract
import Foundation
import KafkaClient
import Logging
import NIOConcurrencyHelpers
import PostgresNIO
import ServiceKit

/// Produces records (paced or all at once), watches the Matcher's database until its offsets passed every signal
/// and the outbox is empty, and times each match notice from the moment its later signal was produced.
struct FeedRun {
  let setup: BenchSetup
  let population: Population
  let noticesTopic: String
  let expectedSignals: Int

  struct Result {
    var seconds: Double
    var produceSeconds: Double
    var matches: Int
    var latencies: Latencies
  }

  /// `messages[i]` carries signal `i` (its reference names the run and `i`); `rate` 0 sends as fast as the broker
  /// takes them.
  func run(_ messages: [KafkaProducerMessage], rate: Int) async throws -> Result {
    let producer = try KafkaProducer(
      configuration: KafkaProducerConfiguration(client: setup.target.client), logger: setup.target.logger)
    let consumer = try KafkaConsumer(
      configuration: KafkaConsumerConfiguration(
        client: setup.target.client, groupID: "bench-\(UUID().uuidString)", topics: [noticesTopic],
        sessionTimeoutMilliseconds: 6000, maxPollIntervalMilliseconds: 6000, maxBatchSize: 5000),
      logger: setup.target.logger)
    let database = try setup.matcherDatabase()
    let sentAt = NIOLockedValueBox([Double](repeating: 0, count: messages.count))
    let observed = NIOLockedValueBox((matches: 0, latencies: Latencies()))
    return try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { try await producer.run() }
      group.addTask { try await consumer.run() }
      group.addTask { await database.run() }
      group.addTask {
        for try await batch in consumer.batches {
          let now = Date().timeIntervalSince1970
          let times = sentAt.withLockedValue { $0 }
          var found: [Double] = []
          for record in batch {
            guard let match = (try? EventCoding.decode(NoticeEvent.self, from: record.value))?.match else { continue }
            let indices = match.parties.compactMap { $0.reference.flatMap(population.index(ofReference:)) }
            guard indices.count == 2 else { continue }  // a notice of another run on the same topic
            let sent = indices.filter { $0 < times.count }.map { times[$0] }.max() ?? 0
            if sent > 0 { found.append(now - sent) }
          }
          observed.withLockedValue {
            $0.matches += found.count
            $0.latencies.values += found
          }
        }
      }
      try await Task.sleep(for: .seconds(7))  // the notices consumer joins its group before the clock starts
      // Progress from the Matcher's own offsets (cheap), not by counting its tables.
      var baseline: Int64 = 0
      for try await offsets in try await database.query(
        "SELECT COALESCE(sum(next_offset), 0)::bigint FROM consumer_offsets", logger: setup.target.logger
      ).decode(Int64.self) {
        baseline = offsets
      }
      let start = ContinuousClock.now
      let chunk = rate > 0 ? max(1, rate / 10) : 5000
      var next = start
      for first in stride(from: 0, to: messages.count, by: chunk) {
        let range = first..<min(first + chunk, messages.count)
        let now = Date().timeIntervalSince1970
        sentAt.withLockedValue { times in
          for index in range { times[index] = now }
        }
        try await producer.send(Array(messages[range]))
        if rate > 0 {
          next = next.advanced(by: .milliseconds(100))
          try await Task.sleep(until: next)
        }
      }
      let produced = ContinuousClock.now - start
      while true {
        let rows = try await database.query(
          """
          SELECT COALESCE((SELECT sum(next_offset) FROM consumer_offsets), 0)::bigint,
            EXISTS (SELECT 1 FROM outbox)
          """, logger: setup.target.logger)
        var done = false
        for try await (offsets, pending) in rows.decode((Int64, Bool).self) {
          done = offsets >= baseline + Int64(expectedSignals) && !pending
        }
        if done { break }
        guard ContinuousClock.now - start < .seconds(3600) else {
          throw BenchmarkError("the Matcher did not finish in an hour")
        }
        try await Task.sleep(for: .milliseconds(500))
      }
      let elapsed = ContinuousClock.now - start
      try await Task.sleep(for: .seconds(3))  // the last notices reach the consumer
      group.cancelAll()
      let result = observed.withLockedValue { $0 }
      return Result(
        seconds: elapsed.inSeconds, produceSeconds: produced.inSeconds, matches: result.matches,
        latencies: result.latencies)
    }
  }
}
