import Foundation
import Logging
import TestTags
import Testing

@testable import KafkaClient

@Suite("Kafka client against the real broker", .tags(.integration), .localStack, .serialized, .timeLimit(.minutes(2)))
struct KafkaRoundTripTests {
  @Test("creating topics is idempotent")
  func createTopicsTwice() async throws {
    let topic = KafkaTopic(name: TestKafka.uniqueTopic("admin"), partitions: 3)
    try await KafkaAdmin.createTopicsIfMissing([topic], client: TestKafka.client("admin"), logger: TestKafka.logger)
    try await KafkaAdmin.createTopicsIfMissing([topic], client: TestKafka.client("admin"), logger: TestKafka.logger)
  }

  @Test("a produced record arrives with its key, value and headers, and delivery reports carry offsets")
  func roundTrip() async throws {
    let topic = TestKafka.uniqueTopic("roundtrip")
    try await KafkaAdmin.createTopicsIfMissing(
      [KafkaTopic(name: topic, partitions: 1)], client: TestKafka.client("admin"), logger: TestKafka.logger)
    let producer = try KafkaProducer(
      configuration: KafkaProducerConfiguration(client: TestKafka.client("producer")), logger: TestKafka.logger)
    let consumer = try KafkaConsumer(
      configuration: TestKafka.consumer(group: "g-\(topic)", topics: [topic]), logger: TestKafka.logger)

    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { try await producer.run() }
      group.addTask { try await consumer.run() }

      var reports: [KafkaDeliveryReport] = []
      for index in 0..<10 {
        reports.append(
          try await producer.send(
            KafkaProducerMessage(
              topic: topic, key: "key-\(index)", value: Array("value-\(index)".utf8),
              headers: [KafkaHeader(key: "h", string: "\(index)"), KafkaHeader(key: "empty", value: nil)])))
      }
      #expect(reports.map(\.offset) == Array(0..<10))
      #expect(Set(reports.map(\.partition)) == [0])

      var received: [KafkaConsumerMessage] = []
      for try await batch in consumer.batches {
        received += batch
        if received.count >= 10 { break }
      }
      #expect(received.map(\.offset) == Array(0..<10))
      #expect(received.map(\.keyString) == (0..<10).map { "key-\($0)" })
      #expect(received.map { String(decoding: $0.value, as: UTF8.self) } == (0..<10).map { "value-\($0)" })
      #expect(received[3].headers.first(named: "h")?.stringValue == "3")
      #expect(received[3].headers.first(named: "empty") != nil)
      try consumer.commit([received.last!.nextPosition])
      group.cancelAll()
    }
    await #expect(throws: KafkaError.self) {
      try await producer.send(KafkaProducerMessage(topic: topic, key: "late", value: []))
    }
  }

  @Test("partitions start at the offsets an outside store gives when they are assigned")
  func externalOffsets() async throws {
    let topic = TestKafka.uniqueTopic("offsets")
    try await KafkaAdmin.createTopicsIfMissing(
      [KafkaTopic(name: topic, partitions: 2)], client: TestKafka.client("admin"), logger: TestKafka.logger)
    let producer = try KafkaProducer(
      configuration: KafkaProducerConfiguration(client: TestKafka.client("producer")), logger: TestKafka.logger)
    let store = FixedOffsetStore(offsets: [
      KafkaTopicPartition(topic: topic, partition: 0): 7, KafkaTopicPartition(topic: topic, partition: 1): 2,
    ])
    let consumer = try KafkaConsumer(
      configuration: TestKafka.consumer(group: "g-\(topic)", topics: [topic]), rebalanceListener: store,
      logger: TestKafka.logger)

    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { try await producer.run() }
      for partition in Int32(0)..<2 {
        for index in 0..<10 {
          try await producer.send(
            KafkaProducerMessage(topic: topic, partition: partition, key: nil, value: Array("\(index)".utf8)))
        }
      }
      group.addTask { try await consumer.run() }
      var received: [KafkaConsumerMessage] = []
      for try await batch in consumer.batches {
        received += batch
        if received.count >= 11 { break }
      }
      #expect(received.filter { $0.partition == 0 }.map(\.offset) == [7, 8, 9])
      #expect(received.filter { $0.partition == 1 }.map(\.offset) == Array(2..<10))
      #expect(await store.assignedPartitions() == [0, 1])
      group.cancelAll()
    }
  }
}

extension KafkaRoundTripTests {
  @Test("a stored offset beyond the end of the partition (the topic was recreated) starts from the beginning")
  func offsetBeyondTheEnd() async throws {
    let topic = TestKafka.uniqueTopic("recreated")
    try await KafkaAdmin.createTopicsIfMissing(
      [KafkaTopic(name: topic, partitions: 1)], client: TestKafka.client("admin"), logger: TestKafka.logger)
    let producer = try KafkaProducer(
      configuration: KafkaProducerConfiguration(client: TestKafka.client("producer")), logger: TestKafka.logger)
    let store = FixedOffsetStore(offsets: [KafkaTopicPartition(topic: topic, partition: 0): 50])
    let consumer = try KafkaConsumer(
      configuration: TestKafka.consumer(group: "g-\(topic)", topics: [topic]), rebalanceListener: store,
      logger: TestKafka.logger)
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { try await producer.run() }
      try await producer.send((0..<3).map { KafkaProducerMessage(topic: topic, key: nil, value: [UInt8($0)]) })
      group.addTask { try await consumer.run() }
      var received: [KafkaConsumerMessage] = []
      for try await batch in consumer.batches {
        received += batch
        if received.count >= 3 { break }
      }
      #expect(received.map(\.offset) == [0, 1, 2])
      group.cancelAll()
    }
  }
}

/// An offset store that answers from a fixed table and records what was assigned.
actor FixedOffsetStore: KafkaRebalanceListener {
  let offsets: [KafkaTopicPartition: Int64]
  private var assigned: Set<Int32> = []

  init(offsets: [KafkaTopicPartition: Int64]) {
    self.offsets = offsets
  }

  func partitionsAssigned(_ partitions: [KafkaTopicPartition]) async throws -> [KafkaTopicPartition: Int64] {
    assigned.formUnion(partitions.map(\.partition))
    return offsets.filter { partitions.contains($0.key) }
  }

  func partitionsRevoked(_ partitions: [KafkaTopicPartition]) async {}

  func assignedPartitions() -> Set<Int32> { assigned }
}
