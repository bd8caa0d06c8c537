import Foundation
import Logging
import PostgresNIO
import ServiceKit
import TestSupport

@testable import Notifier

/// A fresh, migrated Notifier database of its own for one test, on the local stack's PostgreSQL.
enum NotifierDatabase {
  static let logger: Logger = {
    var logger = Logger(label: "notifier-test")
    logger.logLevel = .warning
    return logger
  }()

  /// Runs `body` with a client on a new database with `migrations` applied; drops the database afterwards.
  static func with<T: Sendable>(
    migrations: [Migration] = NotifierMigrations.all, _ body: @Sendable (PostgresClient) async throws -> T
  ) async throws -> T {
    try await TestDatabase.withFresh(suffix: "notifier", migrations: migrations, logger: logger) { _, client in
      try await body(client)
    }
  }

  /// (recipient key, status) of every row of `eventId`, sorted.
  static func rows(_ client: PostgresClient, event eventId: UUID) async throws -> [String] {
    let rows = try await client.query(
      "SELECT recipient, status FROM deliveries WHERE event_id = \(eventId) ORDER BY recipient", logger: logger)
    var result: [String] = []
    for try await (recipient, status) in rows.decode((String, String).self) { result.append("\(recipient) \(status)") }
    return result
  }
}
