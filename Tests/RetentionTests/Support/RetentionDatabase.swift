import Foundation
import Logging
import PostgresNIO
import Shared

@testable import Retention

/// A fresh, migrated Retention database of its own for one test, on the local stack's PostgreSQL.
enum RetentionDatabase {
  static let base = ProcessInfo.processInfo.environment["VI_POSTGRES_BASE"] ?? "postgres://vi:vi@127.0.0.1:55432"
  static let logger: Logger = {
    var logger = Logger(label: "retention-test")
    logger.logLevel = .notice
    return logger
  }()

  /// Runs `body` with the database's name and a client on it, migrated; drops the database afterwards.
  static func with<T: Sendable>(
    migrations: [Migration] = RetentionMigrations.all, _ body: @Sendable (String, PostgresClient) async throws -> T
  ) async throws -> T {
    let name = "t" + UUID().uuidString.prefix(8).lowercased() + "_retention"
    _ = try await client(database: "vi_test") { admin in
      try await admin.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \"\(name)\""), logger: logger)
    }
    do {
      let result = try await client(database: name) { client in
        try await PostgresMigrator.migrate(client, migrations: migrations, logger: logger)
        return try await body(name, client)
      }
      try await drop(name)
      return result
    } catch {
      try? await drop(name)
      throw error
    }
  }

  /// The URL of database `name`, for a Retention process.
  static func url(_ name: String) -> String { "\(base)/\(name)" }

  /// Runs `body` with a client on database `name`.
  static func client<T: Sendable>(
    database: String, _ body: @Sendable (PostgresClient) async throws -> T
  ) async throws -> T {
    let client = PostgresClient(configuration: PostgresURL(string: url(database))!.clientConfiguration)
    return try await withThrowingTaskGroup(of: T?.self) { group in
      group.addTask {
        await client.run()
        return nil
      }
      defer { group.cancelAll() }
      return try await body(client)
    }
  }

  private static func drop(_ name: String) async throws {
    _ = try await client(database: "vi_test") { admin in
      try await admin.query(PostgresQuery(unsafeSQL: "DROP DATABASE \"\(name)\" WITH (FORCE)"), logger: logger)
    }
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
