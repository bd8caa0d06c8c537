import Foundation
import Logging
import PostgresNIO
import ServiceKit
import TestSupport
import TestTags
import Testing

@testable import Matcher
@testable import Notifier
@testable import Retention
@testable import SignalIntake

/// `docs/SCHEMA.md` shows every table of every service in one place. It is the migrated schema, read back from
/// PostgreSQL; this test fails when a migration changes the schema and the document was not brought along.
@Suite("Schema snapshot (docs/SCHEMA.md)", .tags(.integration), .localStack)
struct SchemaSnapshotTests {
  static let logger = Logger(label: "schema-test")
  static let document = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("docs/SCHEMA.md")

  /// Each service's database, in the order the way of a signal meets them.
  static let services: [(name: String, database: String, migrations: [Migration])] = [
    ("SignalIntake", "vi_intake", IntakeMigrations.all),
    ("Matcher", "vi_matcher", MatcherMigrations.all),
    ("Notifier", "vi_notifier", NotifierMigrations.all),
    ("Retention", "vi_retention", RetentionMigrations.all),
  ]

  @Test("docs/SCHEMA.md is the schema that the migrations make")
  func snapshotMatchesTheMigrations() async throws {
    var text = """
      # The schema

      Every table of every service's database, as the migrations leave it. Each service owns its database; no
      service reads another's. Generated: do not edit by hand. After changing a migration, run
      `VI_UPDATE_SCHEMA=1 swift test --filter SchemaSnapshotTests` (with the local stack running) and commit the
      result.

      """
    for service in Self.services {
      let schema = try await TestDatabase.withFresh(
        suffix: "schema", migrations: service.migrations, logger: Self.logger
      ) { _, client in
        try await SchemaSnapshot.read(client, logger: Self.logger)
      }
      text +=
        "\n## \(service.name) (`\(service.database)`)\n\n```sql\n\(schema.trimmingCharacters(in: .newlines))\n```\n"
    }
    if ProcessInfo.processInfo.environment["VI_UPDATE_SCHEMA"] == "1" {
      try text.write(to: Self.document, atomically: true, encoding: .utf8)
    }
    let checkedIn = (try? String(contentsOf: Self.document, encoding: .utf8)) ?? ""
    #expect(
      checkedIn == text,
      "docs/SCHEMA.md differs from the migrated schema; run VI_UPDATE_SCHEMA=1 swift test --filter SchemaSnapshotTests and commit docs/SCHEMA.md"
    )
  }
}
