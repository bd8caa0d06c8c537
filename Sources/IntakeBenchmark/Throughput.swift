import BenchmarkSupport
import Foundation
import KafkaClient
import Logging
import NIOConcurrencyHelpers
import ServiceKit

/// Produces records and times how long until a consumer has seen the ones that count.
enum Throughput {
  /// Produces `messages` (all at once, in order) and consumes `topic` from its beginning until `expected` records
  /// pass `counts`; returns seconds from the first send to the broker's last acknowledgement, and to the last
  /// record seen.
  static func measure(
    _ messages: [KafkaProducerMessage], consume topic: String, expected: Int, client: KafkaClientConfiguration,
    logger: Logger, counts: @escaping @Sendable (KafkaConsumerMessage) -> Bool
  ) async throws -> (produced: Double, consumed: Double) {
    let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(client: client), logger: logger)
    let consumer = try KafkaConsumer(
      configuration: KafkaConsumerConfiguration(
        client: client, groupID: "bench-\(UUID().uuidString)", topics: [topic], sessionTimeoutMilliseconds: 6000,
        maxPollIntervalMilliseconds: 6000, maxBatchSize: 5000),
      logger: logger)
    let seen = NIOLockedValueBox(0)
    return try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { try await producer.run() }
      group.addTask { try await consumer.run() }
      group.addTask {
        for try await batch in consumer.batches {
          let counted = batch.filter(counts).count
          seen.withLockedValue { $0 += counted }
        }
      }
      // Let the consumer join its group before the clock starts.
      try await Task.sleep(for: .seconds(6))
      let start = ContinuousClock.now
      try await producer.send(messages)
      let produced = ContinuousClock.now - start
      while seen.withLockedValue({ $0 }) < expected {
        guard ContinuousClock.now - start < .seconds(180) else {
          throw BenchmarkError(
            "only \(seen.withLockedValue { $0 }) of \(expected) records arrived in 3 minutes; were the commands"
              + " rejected? (vi rejections --organisation <the run's organisation> --from-beginning)")
        }
        try await Task.sleep(for: .milliseconds(20))
      }
      let consumed = ContinuousClock.now - start
      group.cancelAll()
      return (produced.inSeconds, consumed.inSeconds)
    }
  }
}
