import Contract
import Foundation
import KafkaClient
import Logging
import NIOConcurrencyHelpers
import PostgresNIO
import TestTags
import Testing

@testable import Notifier

/// The Notifier's loops in process, from the notices topic to the SMTP server and the failed topic, on the real
/// broker, PostgreSQL and aiosmtpd.
@Suite("Notices topic to SMTP, with the SMTP server down for a while", .tags(.integration), .localStack, .serialized)
struct PipelineTests {
  static let brokers = ProcessInfo.processInfo.environment["VI_KAFKA_BROKERS"] ?? "127.0.0.1:9092"

  @Test func nothingIsLostWhileTheServerIsDownAndEveryEmailArrivesOnce() async throws {
    let fixtures = Fixtures()
    let prefix = "t\(fixtures.id)"
    let noticesTopic = "\(prefix).notices"
    let failedTopic = "\(prefix).notifications.failed"
    let logger = NotifierDatabase.logger
    let kafka = KafkaClientConfiguration(bootstrapServers: Self.brokers, clientID: "notifier-test")
    try await KafkaAdmin.createTopicsIfMissing(
      [KafkaTopic(name: noticesTopic, partitions: 3), KafkaTopic(name: failedTopic, partitions: 1)], client: kafka,
      logger: logger)

    // Bram's address is refused for good (550): his e-mails fail and are published, the others arrive.
    let registry = fixtures.registryEvents(moving: fixtures.bram, to: "unknown-\(fixtures.id)@example.test")
    let events = (1...5).map { fixtures.match(.child, number: $0) } + [fixtures.historical, fixtures.expiry(.expired)]
    // 5 × (Anna, follow-up officer) + historical + expired to Anna = 12 e-mails; Bram's 5 fail.
    let expectedMails = 12

    let server = try await TestSMTPServer()  // not started: the SMTP server is down
    defer { server.remove() }
    try await NotifierDatabase.with { client in
      let harness = try await Harness(client: client, server: server, registryEvents: registry)
      let consumer = try KafkaConsumer(
        configuration: KafkaConsumerConfiguration(
          client: kafka, groupID: "\(prefix).notifier", topics: [noticesTopic], sessionTimeoutMilliseconds: 6000,
          maxPollIntervalMilliseconds: 6000),
        logger: logger)
      let producer = try KafkaProducer(configuration: KafkaProducerConfiguration(client: kafka), logger: logger)
      let intake = NoticeIntake(
        consumer: consumer, queue: harness.queue, registry: harness.registry, metrics: NotifierMetrics(), logger: logger
      )
      let publisher = FailurePublisher(queue: harness.queue, producer: producer, topic: failedTopic, logger: logger)
      try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await producer.run() }
        group.addTask { try await consumer.run() }
        group.addTask { try await intake.run() }
        group.addTask { try await harness.sender.run() }
        group.addTask { try await publisher.run() }
        defer { group.cancelAll() }

        try await producer.send(
          try events.map {
            KafkaProducerMessage(topic: noticesTopic, key: "\($0.eventId)", value: try EventCoding.encode($0))
          })
        // Everything is queued and tried while the server is down, and nothing is sent or failed.
        let tried = try await eventually(timeout: .seconds(60)) { () -> Bool? in
          let rows = try await client.query(
            "SELECT count(*)::int, count(*) FILTER (WHERE attempts > 0)::int FROM deliveries WHERE status = 'pending'")
          for try await (pending, attempted) in rows.decode((Int, Int).self) where pending == 17 && attempted > 0 {
            return true
          }
          return nil
        }
        #expect(tried == true, "the e-mails were not all queued and tried")
        #expect(try server.messages().isEmpty)

        // The server comes back: everything goes, once.
        try await server.start()
        let finished = try await eventually(timeout: .seconds(60)) { () -> Bool? in
          let rows = try await client.query("SELECT count(*)::int FROM deliveries WHERE status = 'pending'")
          for try await pending in rows.decode(Int.self) where pending == 0 { return true }
          return nil
        }
        #expect(finished == true, "e-mails were still pending")
        // A redelivery of every event changes nothing.
        try await producer.send(
          try events.map {
            KafkaProducerMessage(topic: noticesTopic, key: "\($0.eventId)", value: try EventCoding.encode($0))
          })
        try await Task.sleep(for: .seconds(3))
        let messages = try server.messages()
        #expect(messages.count == expectedMails)
        #expect(Set(messages.map(\.messageId)).count == expectedMails, "an e-mail arrived twice")
        #expect(messages.filter { $0.to == [fixtures.email(fixtures.anna)] }.count == 7)
        #expect(messages.filter { $0.to == ["regie-\(fixtures.id)@amsterdam.test"] }.count == 5)
        let statuses = try await harness.statuses()
        #expect(statuses.values.filter { $0 == "failed" }.count == 5)
        #expect(statuses.values.filter { $0 == "sent" }.count == expectedMails)

        // The five failures reach the failed topic.
        let failures = try await Self.read(failedTopic, kafka: kafka, count: 5)
        #expect(failures.count == 5)
        #expect(failures.allSatisfy { $0.recipient == "professional/\(fixtures.bram)" && $0.reason.contains("550") })
        #expect(Set(failures.map(\.eventId)) == Set(events.prefix(5).map(\.eventId)))
      }
      await harness.smtp.shutdown()
    }
  }

  /// Reads `count` failures from `topic` (or what arrived within 30 s).
  private static func read(
    _ topic: String, kafka: KafkaClientConfiguration, count: Int
  ) async throws
    -> [NotificationFailure]
  {
    let consumer = try KafkaConsumer(
      configuration: KafkaConsumerConfiguration(
        client: kafka, groupID: "reader-\(UUID().uuidString)", topics: [topic], sessionTimeoutMilliseconds: 6000,
        maxPollIntervalMilliseconds: 6000),
      logger: NotifierDatabase.logger)
    let records = NIOLockedValueBox<[NotificationFailure]>([])
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { try await consumer.run() }
      group.addTask {
        for try await batch in consumer.batches {
          let failures = try batch.map { try EventCoding.decode(NotificationFailure.self, from: $0.value) }
          records.withLockedValue { $0 += failures }
        }
      }
      _ = try await eventually(timeout: .seconds(30)) { records.withLockedValue { $0.count >= count } ? true : nil }
      group.cancelAll()
    }
    return records.withLockedValue { $0 }
  }
}

/// Polls `condition` until it returns a value or `timeout` passes; `nil` on timeout.
func eventually<T>(
  timeout: Duration, every interval: Duration = .milliseconds(200), _ condition: () async throws -> T?
) async throws -> T? {
  let deadline = ContinuousClock.now + timeout
  while ContinuousClock.now < deadline {
    if let value = try await condition() { return value }
    try await Task.sleep(for: interval)
  }
  return try await condition()
}
