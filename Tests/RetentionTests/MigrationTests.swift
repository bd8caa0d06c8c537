import Foundation
import PostgresNIO
import ServiceKit
import TestTags
import Testing

@testable import Retention

/// Version 2 of the schema keeps what version 1 knew: active signals stay active, ended and expired ones become
/// archived with a purge day, and the decisions stay decided.
@Suite("Retention migrations", .tags(.integration), .localStack, .serialized, .timeLimit(.minutes(2)))
struct MigrationTests {
  @Test("a version 1 database migrates to version 2 without losing a decision")
  func fromVersionOne() async throws {
    try await RetentionDatabase.with(migrations: Array(RetentionMigrations.all.prefix(1))) { _, client in
      let (active, ended, expired) = (UUID(), UUID(), UUID())
      try await client.query(
        """
        INSERT INTO retention_signals (signal_id, child_pseudonym, professional_id, status, registered_at, ends_on)
        VALUES (\(active), 'c', 'p1', 'active', '2026-01-01T10:00:00Z', '2028-01-01'),
          (\(ended), 'c', 'p2', 'ended', '2024-02-29T10:00:00Z', '2026-02-28'),
          (\(expired), 'c', 'p3', 'expired', '2024-01-01T10:00:00Z', '2026-01-01')
        """)
      try await client.query(
        "INSERT INTO retention_decisions (signal_id, kind, due_on) VALUES (\(expired), 'expiry', '2026-01-01')")
      try await PostgresMigrator.migrate(client, migrations: RetentionMigrations.all, logger: RetentionDatabase.logger)

      let rows = try await client.query(
        "SELECT signal_id, status, archived_on::text, purge_on::text FROM retention_signals ORDER BY professional_id")
      var found: [String] = []
      for try await (id, status, archived, purge) in rows.decode((UUID, String, String?, String?).self) {
        found.append(
          "\(id == active ? "active" : id == ended ? "ended" : "expired") \(status) \(archived ?? "-") \(purge ?? "-")")
      }
      #expect(
        found == [
          "active active - -", "ended archived 2024-02-29 2029-03-01", "expired archived 2026-01-01 2031-01-01",
        ])
      let decided = try await client.count(
        """
        SELECT count(*)::int FROM retention_lifecycle_decisions
        WHERE kind = 'expiry' AND subject = \(expired.uuidString.lowercased())
        """)
      #expect(decided == 1)
    }
  }
}
