public import Logging
public import PostgresNIO
public import ServiceLifecycle

extension ServiceMain {
  /// Runs the PostgreSQL client, then `setUp` (migrations, loading state, creating topics), then `services` as one
  /// group. The client keeps running until the group has shut down, so every service can still use the database
  /// while it stops.
  public static func run(
    postgres: PostgresClient, services: [any Service], logger: Logger, setUp: () async throws -> Void
  ) async throws {
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { await postgres.run() }
      defer { group.cancelAll() }
      try await setUp()
      try await runGroup(services, logger: logger)
    }
  }
}
