import CRdkafka
import Foundation
import Logging
import ServiceLifecycle
import TestTags
import Testing

@testable import KafkaClient

@Suite(
  "Kafka client lifecycle against the real broker", .tags(.integration), .localStack, .serialized,
  .timeLimit(.minutes(2)))
struct KafkaLifecycleTests {
  @Test("graceful shutdown delivers the records still waiting in librdkafka's queue")
  func shutdownFlushes() async throws {
    let topic = TestKafka.uniqueTopic("flush")
    try await KafkaAdmin.createTopicsIfMissing(
      [KafkaTopic(name: topic, partitions: 1)], client: TestKafka.client("admin"), logger: TestKafka.logger)
    // A long linger keeps the records queued locally until the shutdown drains them.
    let producer = try KafkaProducer(
      configuration: KafkaProducerConfiguration(client: TestKafka.client("flush"), lingerMilliseconds: 1500),
      logger: TestKafka.logger)
    let group = ServiceGroup(services: [producer], logger: TestKafka.logger)
    async let running: Void = group.run()
    let sending = Task {
      try await producer.send(
        (0..<50).map { KafkaProducerMessage(topic: topic, key: "k", value: Array("\($0)".utf8)) })
    }
    try await Task.sleep(for: .milliseconds(300))
    await group.triggerGracefulShutdown()
    let reports = try await sending.value
    try await running
    #expect(reports.map(\.offset) == Array(0..<50))
    await #expect(throws: KafkaError.self) {
      try await producer.send(KafkaProducerMessage(topic: topic, key: "late", value: []))
    }
  }

  @Test("after shutdown no librdkafka handle is left")
  func noHandleLeaks() async throws {
    let topic = TestKafka.uniqueTopic("leak")
    try await KafkaAdmin.createTopicsIfMissing(
      [KafkaTopic(name: topic, partitions: 1)], client: TestKafka.client("admin"), logger: TestKafka.logger)
    do {
      let producer = try KafkaProducer(
        configuration: KafkaProducerConfiguration(client: TestKafka.client("leak")), logger: TestKafka.logger)
      let consumer = try KafkaConsumer(
        configuration: TestKafka.consumer(group: "g-\(topic)", topics: [topic]), logger: TestKafka.logger)
      let group = ServiceGroup(services: [producer, consumer], logger: TestKafka.logger)
      try await withThrowingTaskGroup(of: Void.self) { tasks in
        tasks.addTask { try await group.run() }
        try await producer.send(KafkaProducerMessage(topic: topic, key: "k", value: [1]))
        for try await batch in consumer.batches where !batch.isEmpty { break }
        try consumer.commit([KafkaPartitionOffset(topic: topic, partition: 0, offset: 1)])
        await group.triggerGracefulShutdown()
        try await tasks.waitForAll()
      }
    }
    // librdkafka counts its live handles; 0 means every rd_kafka_t of this process was destroyed.
    let remaining = await KafkaThreadProbe.waitDestroyed(milliseconds: 5000)
    #expect(remaining == 0, "librdkafka handles still alive after shutdown")
  }
}

extension KafkaLifecycleTests {
  @Test(
    "a producer or consumer whose run() never started releases its handle on a thread of its own",
    arguments: ["producer", "consumer"])
  func releasedWithoutRun(kind: String) async throws {
    let released = ReleaseRecorder()
    var logger = Logger(label: "release-test") { _ in released }
    logger.logLevel = .debug
    // Start-up fails after the client was made and before its run(): the last reference goes on this task, on
    // Swift's cooperative pool.
    try await Task {
      if kind == "producer" {
        _ = try KafkaProducer(
          configuration: KafkaProducerConfiguration(client: TestKafka.client("never-run")), logger: logger)
      } else {
        _ = try KafkaConsumer(
          configuration: TestKafka.consumer(group: TestKafka.uniqueTopic("never-run"), topics: ["never-run"]),
          logger: logger)
      }
    }.value
    let remaining = await KafkaThreadProbe.waitDestroyed(milliseconds: 5000)
    #expect(remaining == 0, "the \(kind)'s librdkafka handle was never destroyed")
    #expect(released.threads == ["kafka-\(kind)-release"])
  }
}

/// Records on which thread each librdkafka handle was released (``RDKafkaClient``'s debug log line).
final class ReleaseRecorder: LogHandler, @unchecked Sendable {
  // @unchecked Sendable: `threads` is guarded by `lock`; metadata and logLevel are set once, before any use.
  private let lock = NSLock()
  private var recorded: [String] = []
  var metadata: Logger.Metadata = [:]
  var logLevel: Logger.Level = .debug

  var threads: [String] { lock.withLock { recorded } }

  subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  func log(event: LogEvent) {
    guard event.message == "Released the librdkafka handle", case .string(let thread)? = event.metadata?["kafka.thread"]
    else { return }
    lock.withLock { recorded.append(thread) }
  }
}

/// Calls librdkafka's blocking `rd_kafka_wait_destroyed` off the cooperative pool.
enum KafkaThreadProbe {
  static func waitDestroyed(milliseconds: Int32) async -> Int32 {
    (try? await KafkaThread.call { rd_kafka_wait_destroyed(milliseconds) }) ?? -1
  }
}
