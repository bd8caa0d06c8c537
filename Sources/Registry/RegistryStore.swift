public import Contract
public import Logging
public import PostgresNIO
public import ServiceKit

/// Keeps a service's copy of the registry in its own PostgreSQL database, so that a restart loses none of it.
public struct RegistryStore: Sendable {
  /// The table, as a migration for the service's list.
  public static func migration(version: Int) -> Migration {
    Migration(
      version: version, name: "registry entries",
      statements: [
        """
        CREATE TABLE registry_entries (
          entity text NOT NULL,
          id text NOT NULL,
          body jsonb NOT NULL,
          updated_at timestamptz NOT NULL DEFAULT now(),
          PRIMARY KEY (entity, id)
        )
        """
      ])
  }

  private let client: PostgresClient
  private let logger: Logger

  /// A store on `client`.
  public init(client: PostgresClient, logger: Logger) {
    self.client = client
    self.logger = logger
  }

  /// Every entry.
  public func load() async throws -> RegistrySnapshot {
    var snapshot = RegistrySnapshot()
    let rows = try await client.query("SELECT body::text FROM registry_entries ORDER BY entity, id", logger: logger)
    for try await body in rows.decode(String.self) {
      snapshot.apply(try EventCoding.decode(RegistryEvent.self, from: Array(body.utf8)))
    }
    return snapshot
  }

  /// Inserts or replaces the entries in `events`, in one statement; of several events for one entry, the last wins.
  public func save(_ events: [RegistryEvent]) async throws {
    var latest: [String: RegistryEvent] = [:]
    for event in events { latest[event.key] = event }
    let events = Array(latest.values)
    guard !events.isEmpty else { return }
    let entities = events.map(\.entity.rawValue)
    let ids = events.map(\.id)
    let bodies = try events.map { String(decoding: try EventCoding.encode($0), as: UTF8.self) }
    try await client.query(
      """
      INSERT INTO registry_entries (entity, id, body)
      SELECT * FROM UNNEST(\(entities)::text[], \(ids)::text[], \(bodies)::jsonb[])
      ON CONFLICT (entity, id) DO UPDATE SET body = EXCLUDED.body, updated_at = now()
      """, logger: logger)
  }
}
