import Foundation
import Logging
import PostgresNIO
import ServiceKit
import TestSupport

@testable import Retention

/// A fresh, migrated Retention database of its own for one test, on the local stack's PostgreSQL.
enum RetentionDatabase {
  static let logger: Logger = {
    var logger = Logger(label: "retention-test")
    logger.logLevel = .notice
    return logger
  }()

  /// Runs `body` with the database's name and a client on it, migrated; drops the database afterwards.
  static func with<T: Sendable>(
    migrations: [Migration] = RetentionMigrations.all, _ body: @Sendable (String, PostgresClient) async throws -> T
  ) async throws -> T {
    try await TestDatabase.withFresh(suffix: "retention", migrations: migrations, logger: logger, body)
  }
}

extension PostgresClient {
  /// The single integer `sql` selects.
  func count(_ sql: PostgresQuery) async throws -> Int {
    let rows = try await query(sql, logger: RetentionDatabase.logger)
    for try await count in rows.decode(Int.self) { return count }
    return 0
  }
}
