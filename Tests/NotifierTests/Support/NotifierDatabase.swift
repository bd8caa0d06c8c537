import Foundation
import Logging
import PostgresNIO
import Shared

@testable import Notifier

/// A fresh, migrated Notifier database of its own for one test, on the local stack's PostgreSQL.
enum NotifierDatabase {
  static let base = ProcessInfo.processInfo.environment["VI_POSTGRES_BASE"] ?? "postgres://vi:vi@127.0.0.1:55432"
  static let logger: Logger = {
    var logger = Logger(label: "notifier-test")
    logger.logLevel = .warning
    return logger
  }()

  /// Runs `body` with a client on a new database with `migrations` applied; drops the database afterwards.
  static func with<T: Sendable>(
    migrations: [Migration] = NotifierMigrations.all, _ body: @Sendable (PostgresClient) async throws -> T
  ) async throws -> T {
    let name = "t" + UUID().uuidString.prefix(8).lowercased() + "_notifier"
    _ = try await client(database: "vi_test") { admin in
      try await admin.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \"\(name)\""), logger: logger)
    }
    do {
      let result = try await client(database: name) { client in
        try await PostgresMigrator.migrate(client, migrations: migrations, logger: logger)
        return try await body(client)
      }
      try await drop(name)
      return result
    } catch {
      try? await drop(name)
      throw error
    }
  }

  private static func drop(_ name: String) async throws {
    _ = try await client(database: "vi_test") { admin in
      try await admin.query(PostgresQuery(unsafeSQL: "DROP DATABASE \"\(name)\" WITH (FORCE)"), logger: logger)
    }
  }

  static func client<T: Sendable>(
    database: String, _ body: @Sendable (PostgresClient) async throws -> T
  ) async throws -> T {
    let client = PostgresClient(configuration: PostgresURL(string: "\(base)/\(database)")!.clientConfiguration)
    return try await withThrowingTaskGroup(of: T?.self) { group in
      group.addTask {
        await client.run()
        return nil
      }
      defer { group.cancelAll() }
      return try await body(client)
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
