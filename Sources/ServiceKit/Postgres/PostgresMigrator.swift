public import Logging
public import PostgresNIO

/// Applies a service's ``Migration``s at start, safely when several instances start at once.
public enum PostgresMigrator {
  /// Applies the migrations not applied yet, in one transaction that first takes a transaction-level advisory lock,
  /// so that concurrent starters wait for each other and each version is applied once.
  public static func migrate(
    _ client: PostgresClient, migrations: [Migration], logger: Logger
  ) async throws {
    let sorted = migrations.sorted { $0.version < $1.version }
    try await client.withTransaction(logger: logger) { connection in
      // 0x7669_6d69 is "vimi": the lock id of migrations in every service's database.
      try await connection.query("SELECT pg_advisory_xact_lock(\(0x7669_6D69 as Int64))", logger: logger)
      try await connection.query(
        """
        CREATE TABLE IF NOT EXISTS schema_migrations (
          version integer PRIMARY KEY,
          name text NOT NULL,
          applied_at timestamptz NOT NULL DEFAULT now()
        )
        """, logger: logger)
      var applied = Set<Int>()
      for try await version in try await connection.query("SELECT version FROM schema_migrations", logger: logger)
        .decode(Int.self)
      {
        applied.insert(version)
      }
      for migration in sorted where !applied.contains(migration.version) {
        for statement in migration.statements {
          try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
        }
        try await connection.query(
          "INSERT INTO schema_migrations (version, name) VALUES (\(migration.version), \(migration.name))",
          logger: logger)
        logger.info(
          "Applied database migration",
          metadata: ["migration.version": "\(migration.version)", "migration.name": "\(migration.name)"])
      }
    }
  }
}
