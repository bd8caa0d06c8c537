import Contract
import Foundation
import Logging
import NIOPosix
import PostgresNIO
import Registry
import SMTPClient

@testable import Notifier

/// The Notifier's queue and sender on a fresh database, sending to a ``TestSMTPServer``, with fast back-off.
struct Harness: Sendable {
  static let retry = RetryPolicy(initial: .milliseconds(100), maximum: .milliseconds(400), giveUpAfter: .seconds(600))

  let client: PostgresClient
  let queue: DeliveryQueue
  let registry: RegistryReplica
  let smtp: SMTPClient
  let sender: DeliverySender

  /// Stores `registryEvents` in the database and loads the replica from it, as the Notifier does at start.
  init(
    client: PostgresClient, server: TestSMTPServer, registryEvents: [RegistryEvent], retry: RetryPolicy = Harness.retry
  ) async throws {
    let logger = NotifierDatabase.logger
    let store = RegistryStore(client: client, logger: logger)
    try await store.save(registryEvents)
    registry = RegistryReplica(store: store, logger: logger)
    try await registry.load()
    self.client = client
    queue = DeliveryQueue(postgres: client, logger: logger)
    smtp = SMTPClient(
      configuration: SMTPConfiguration(
        host: "127.0.0.1", port: server.port, tls: .none, heloName: "notifier.test", commandTimeout: .seconds(5),
        connectTimeout: .seconds(2)),
      eventLoopGroup: MultiThreadedEventLoopGroup.singleton, logger: logger)
    sender = DeliverySender(
      queue: queue, smtp: smtp, from: try EmailAddress("noreply@verwijsindex.test", name: "Verwijsindex"),
      composer: MailComposer(templates: Composing.templates), registry: registry, retry: retry,
      metrics: NotifierMetrics(), logger: logger)
  }

  /// Plans and queues `events` as ``NoticeIntake`` does; returns the number of new rows.
  @discardableResult
  func enqueue(_ events: [NoticeEvent]) async throws -> Int {
    let planner = RecipientPlanner(registry: registry.current, logger: NotifierDatabase.logger)
    return try await queue.enqueue(events.map { ($0, planner.plan($0)) }).queued
  }

  /// Sends until nothing is due; returns the steps taken.
  @discardableResult
  func drain() async throws -> [DeliverySender.Step] {
    var steps: [DeliverySender.Step] = []
    while true {
      let step = try await sender.sendNext()
      if step == .idle { return steps }
      steps.append(step)
    }
  }

  /// Sends until `done` holds for the rows' statuses or `timeout` passes, sleeping while nothing is due.
  func send(until done: @Sendable ([String: String]) -> Bool, timeout: Duration = .seconds(20)) async throws -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
      if done(try await statuses()) { return true }
      if try await sender.sendNext() == .idle { try await Task.sleep(for: .milliseconds(50)) }
    }
    return done(try await statuses())
  }

  /// Recipient key → status, over all events.
  func statuses() async throws -> [String: String] {
    let rows = try await client.query("SELECT event_id, recipient, status FROM deliveries")
    var result: [String: String] = [:]
    for try await (event, recipient, status) in rows.decode((UUID, String, String).self) {
      result["\(event) \(recipient)"] = status
    }
    return result
  }
}
