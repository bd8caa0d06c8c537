import Foundation
import KafkaClient
import Logging
import NIOConcurrencyHelpers
import ServiceKit

/// Finds the outbox rows a relay produced but could not delete before it died.
///
/// The relay is the only producer of its topics and produces at most ``OutboxRelay/batchSize`` records between two
/// deletions. So when a new relay takes over, every record of the batch the previous one left behind is among the
/// last `batchSize` records of each partition. Each record carries its outbox id in the `vi-outbox-id` header; the
/// ids found there are the rows to delete instead of sending them again.
struct OutboxRecovery: Sendable {
  /// The header with the outbox row id.
  static let header = "vi-outbox-id"

  let kafka: KafkaSettings
  let logger: Logger

  /// The outbox ids of `topic`'s last `window` records per partition.
  func publishedIDs(topic: String, window: Int) async throws -> Set<Int64> {
    let ranges = try await KafkaAdmin.partitionOffsets(of: topic, client: kafka.client, logger: logger)
    var starts: [KafkaTopicPartition: Int64] = [:]
    for (partition, range) in ranges where range.high > range.low {
      starts[KafkaTopicPartition(topic: topic, partition: partition)] = max(range.low, range.high - Int64(window))
    }
    guard !starts.isEmpty else { return [] }
    let consumer = try KafkaConsumer(
      configuration: kafka.consumer(group: "matcher-outbox-recovery-\(UUID().uuidString)", topics: [topic]),
      rebalanceListener: StartAt(offsets: starts), logger: logger)
    let found = NIOLockedValueBox(Set<Int64>())
    let reached = NIOLockedValueBox([KafkaTopicPartition: Int64]())
    return try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { try await consumer.run() }
      group.addTask {
        for try await batch in consumer.batches {
          var ids: [Int64] = []
          for record in batch {
            if let text = record.headers.first(where: { $0.key == Self.header })?.stringValue, let id = Int64(text) {
              ids.append(id)
            }
          }
          found.withLockedValue { $0.formUnion(ids) }
          reached.withLockedValue { reached in
            for record in batch {
              let partition = KafkaTopicPartition(topic: record.topic, partition: record.partition)
              reached[partition] = max(reached[partition] ?? -1, record.offset)
            }
          }
        }
      }
      let deadline = ContinuousClock.now + .seconds(120)
      while ContinuousClock.now < deadline {
        let done = reached.withLockedValue { reached in
          starts.keys.allSatisfy { (reached[$0] ?? -1) >= ranges[$0.partition]!.high - 1 }
        }
        if done {
          group.cancelAll()
          return found.withLockedValue { $0 }
        }
        try await Task.sleep(for: .milliseconds(100))
      }
      group.cancelAll()
      throw OutboxRecoveryError(topic: topic)
    }
  }

  /// Starts every assigned partition at the offset given.
  private struct StartAt: KafkaRebalanceListener {
    let offsets: [KafkaTopicPartition: Int64]

    func partitionsAssigned(_ partitions: [KafkaTopicPartition]) async throws -> [KafkaTopicPartition: Int64] {
      offsets.filter { partitions.contains($0.key) }
    }

    func partitionsRevoked(_ partitions: [KafkaTopicPartition]) async {}
  }
}

/// The relay could not read back the end of its topic after taking over; it retries.
struct OutboxRecoveryError: Error, CustomStringConvertible {
  let topic: String

  var description: String {
    "could not read the last records of '\(topic)' within 2 minutes to see what the previous relay sent; "
      + "check that the Kafka brokers are up"
  }
}
