import Foundation
public import Logging
public import PostgresNIO
public import ServiceKit

/// Databases of their own for tests, on the local stack's PostgreSQL (`VI_POSTGRES_BASE`, as
/// `scripts/stack-env.sh` exports it).
public enum TestDatabase {
  /// The server, without a database: append `/<name>`.
  public static let base = ProcessInfo.processInfo.environment["VI_POSTGRES_BASE"] ?? "postgres://vi:vi@127.0.0.1:55432"

  /// The URL of database `name`.
  public static func url(_ name: String) -> String { "\(base)/\(name)" }

  /// Runs `body` with a client on database `name`; the client stops when `body` returns.
  public static func withClient<T: Sendable>(
    database name: String, _ body: @Sendable (PostgresClient) async throws -> T
  ) async throws -> T {
    let client = PostgresClient(configuration: PostgresURL(string: url(name))!.clientConfiguration)
    return try await withThrowingTaskGroup(of: T?.self) { group in
      group.addTask {
        await client.run()
        return nil
      }
      defer { group.cancelAll() }
      return try await body(client)
    }
  }

  /// Runs `body` with the name of a new database (`t<random>_<suffix>`) and a client on it, with `migrations`
  /// applied; drops the database afterwards, also when `body` throws.
  public static func withFresh<T: Sendable>(
    suffix: String, migrations: [Migration], logger: Logger,
    _ body: @Sendable (String, PostgresClient) async throws -> T
  ) async throws -> T {
    let name = "t" + UUID().uuidString.prefix(8).lowercased() + "_" + suffix
    try await admin("CREATE DATABASE \"\(name)\"", logger: logger)
    do {
      let result = try await withClient(database: name) { client in
        try await PostgresMigrator.migrate(client, migrations: migrations, logger: logger)
        return try await body(name, client)
      }
      try await admin("DROP DATABASE \"\(name)\" WITH (FORCE)", logger: logger)
      return result
    } catch {
      try? await admin("DROP DATABASE \"\(name)\" WITH (FORCE)", logger: logger)
      throw error
    }
  }

  /// Runs one statement on the administrative database `vi_test`.
  public static func admin(_ sql: String, logger: Logger) async throws {
    _ = try await withClient(database: "vi_test") { admin in
      try await admin.query(PostgresQuery(unsafeSQL: sql), logger: logger)
    }
  }
}
