import KafkaClient
import Logging
import PostgresNIO

/// Keeps the Matcher's consumer offsets in PostgreSQL, next to its state: a batch's state changes and its new
/// offsets commit in one transaction, and an assigned partition starts where the last committed batch ended.
struct PostgresOffsetStore: KafkaRebalanceListener {
  let client: PostgresClient
  let logger: Logger

  func partitionsAssigned(_ partitions: [KafkaTopicPartition]) async throws -> [KafkaTopicPartition: Int64] {
    let topics = partitions.map(\.topic)
    let numbers = partitions.map { Int32($0.partition) }
    var offsets: [KafkaTopicPartition: Int64] = [:]
    let rows = try await client.query(
      """
      SELECT o.topic, o.partition, o.next_offset FROM consumer_offsets o
      JOIN UNNEST(\(topics)::text[], \(numbers)::integer[]) AS p(topic, partition)
        ON o.topic = p.topic AND o.partition = p.partition
      """, logger: logger)
    for try await (topic, partition, next) in rows.decode((String, Int32, Int64).self) {
      offsets[KafkaTopicPartition(topic: topic, partition: partition)] = next
    }
    return offsets
  }

  func partitionsRevoked(_ partitions: [KafkaTopicPartition]) async {}
}
