import Logging
import NIOCore
import PostgresNIO
import ServiceLifecycle
import Shared

/// Relays the outbox to Kafka: takes the oldest rows (skipping rows another instance holds), produces them, and
/// deletes them in the same transaction. A crash between the broker's acknowledgement and the commit sends those
/// rows again; the Notifier ignores an event it has already handled.
struct OutboxRelay: Sendable {
  static let batchSize = 500
  static let idleDelay = Duration.milliseconds(50)

  let postgres: PostgresClient
  let producer: KafkaProducer
  let logger: Logger

  func run() async throws {
    while !Task.isCancelled && !Task.isShuttingDownGracefully {
      let relayed: Int
      do {
        relayed = try await relayOnce()
      } catch {
        logger.error("Outbox relay failed; retrying. Check Kafka and PostgreSQL.", metadata: ["error": "\(error)"])
        _ = await sleepUnlessShuttingDown(for: .seconds(1))
        continue
      }
      if relayed == 0 {
        _ = await sleepUnlessShuttingDown(for: Self.idleDelay)
      }
    }
  }

  /// Relays one batch; returns how many rows it sent.
  func relayOnce() async throws -> Int {
    try await postgres.withTransaction(logger: logger) { connection in
      let rows = try await connection.query(
        """
        SELECT id, topic, key, payload FROM outbox ORDER BY id LIMIT \(Self.batchSize) FOR UPDATE SKIP LOCKED
        """, logger: logger)
      var ids: [Int64] = []
      var messages: [KafkaProducerMessage] = []
      for try await (id, topic, key, payload) in rows.decode((Int64, String, String, ByteBuffer).self) {
        ids.append(id)
        messages.append(KafkaProducerMessage(topic: topic, key: key, value: Array(buffer: payload)))
      }
      guard !ids.isEmpty else { return 0 }
      try await producer.send(messages)
      try await connection.query("DELETE FROM outbox WHERE id = ANY(\(ids)::bigint[])", logger: logger)
      return ids.count
    }
  }
}
