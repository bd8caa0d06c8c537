import KafkaClient
import Logging
import NIOCore
import PostgresNIO
import ServiceKit
import ServiceLifecycle

/// Relays the outbox to Kafka, each row exactly once.
///
/// One relay works at a time, across all Matcher instances: it holds a session-level advisory lock on a connection
/// of its own, which PostgreSQL releases when that instance dies; the others wait and take over. The relay sends the
/// oldest rows (at most ``batchSize``, in order, each record carrying its row id in a header) with the idempotent
/// producer and deletes them once the broker acknowledged them. A relay that dies in between leaves sent rows
/// behind; the next relay first reads the end of the topic (``OutboxRecovery``) and deletes the rows it finds there,
/// so it sends nothing twice.
struct OutboxRelay: Sendable {
  static let batchSize = 2000
  static let idleDelay = Duration.milliseconds(50)
  /// "viob": the advisory lock id of the relay.
  static let lockKey: Int64 = 0x7669_6F62

  let postgres: PostgresClient
  let producer: KafkaProducer
  let recovery: OutboxRecovery
  let logger: Logger

  func run() async throws {
    while !Task.isCancelled && !Task.isShuttingDownGracefully {
      do {
        try await postgres.withConnection { connection in
          guard try await lock(connection) else { return }
          do {
            try await relay(connection)
          } catch {
            _ = try? await unlock(connection)
            throw error
          }
          try await unlock(connection)
        }
      } catch {
        logger.error("Outbox relay failed; retrying. Check Kafka and PostgreSQL.", metadata: ["error": "\(error)"])
      }
      _ = await sleepUnlessShuttingDown(for: .seconds(1))
    }
  }

  /// Relays while this instance holds the lock, until shutdown.
  private func relay(_ connection: PostgresConnection) async throws {
    logger.info("This instance relays the outbox")
    try await recover(connection)
    while !Task.isCancelled && !Task.isShuttingDownGracefully {
      if try await relayOnce(connection) == 0 {
        _ = await sleepUnlessShuttingDown(for: Self.idleDelay)
      }
    }
  }

  private func lock(_ connection: PostgresConnection) async throws -> Bool {
    try await connection.query("SELECT pg_try_advisory_lock(\(Self.lockKey))", logger: logger)
      .collect().first?.decode(Bool.self) ?? false
  }

  /// Releases the lock before the connection goes back to the pool (a broken connection releases it by closing).
  private func unlock(_ connection: PostgresConnection) async throws {
    _ = try await connection.query("SELECT pg_advisory_unlock(\(Self.lockKey))", logger: logger).collect()
  }

  /// Deletes the rows the previous relay sent but did not delete.
  private func recover(_ connection: PostgresConnection) async throws {
    let topics = try await connection.query("SELECT DISTINCT topic FROM outbox", logger: logger).collect()
      .map { try $0.decode(String.self) }
    for topic in topics {
      let sent = try await recovery.publishedIDs(topic: topic, window: Self.batchSize)
      let rows = try await connection.query(
        "DELETE FROM outbox WHERE topic = \(topic) AND id = ANY(\(Array(sent))::bigint[]) RETURNING id",
        logger: logger
      ).collect()
      if !rows.isEmpty {
        logger.warning(
          "The previous outbox relay stopped after sending; its rows were found on the topic and not sent again",
          metadata: ["kafka.topic": "\(topic)", "rows": "\(rows.count)"])
      }
    }
  }

  /// Relays one batch; returns how many rows it sent.
  func relayOnce(_ connection: PostgresConnection) async throws -> Int {
    let rows = try await connection.query(
      "SELECT id, topic, key, payload FROM outbox ORDER BY id LIMIT \(Self.batchSize)", logger: logger)
    var ids: [Int64] = []
    var messages: [KafkaProducerMessage] = []
    for try await (id, topic, key, payload) in rows.decode((Int64, String, String, ByteBuffer).self) {
      ids.append(id)
      messages.append(
        KafkaProducerMessage(
          topic: topic, key: key, value: Array(buffer: payload),
          headers: [KafkaHeader(key: OutboxRecovery.header, string: String(id))]))
    }
    guard !ids.isEmpty else { return 0 }
    try await producer.send(messages)
    try await connection.query("DELETE FROM outbox WHERE id = ANY(\(ids)::bigint[])", logger: logger)
    return ids.count
  }
}
