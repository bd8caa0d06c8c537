import Foundation
import PostgresNIO
import ServiceKit
import TestTags
import Testing

@testable import Notifier

/// Upgrading a database of the previous release (version 2, `notifications`) to the delivery queue.
@Suite("Notifier migrations", .tags(.integration), .localStack)
struct MigrationTests {
  @Test func notificationsOfTheOldLedgerStillSendNothingTwice() async throws {
    let fixtures = Fixtures()
    let event = fixtures.match(.child)
    try await NotifierDatabase.with(migrations: NotifierMigrations.all.filter { $0.version <= 2 }) { client in
      let logger = NotifierDatabase.logger
      try await client.query(
        """
        INSERT INTO notifications (event_id, recipient, status, detail)
        VALUES (\(event.eventId), \(fixtures.anna), 'sent', NULL), (\(event.eventId), \(fixtures.bram), 'failed', 'x')
        """, logger: logger)
      try await PostgresMigrator.migrate(client, migrations: NotifierMigrations.all, logger: logger)
      #expect(
        try await NotifierDatabase.rows(client, event: event.eventId) == [
          "professional/\(fixtures.anna) sent", "professional/\(fixtures.bram) failed",
        ])
      // The event again: only the follow-up officer, new in this release, is queued.
      let planned = RecipientPlanner(registry: fixtures.registry, logger: logger).plan(event)
      #expect(try await DeliveryQueue(postgres: client, logger: logger).enqueue([(event, planned)]).queued == 1)
      let failures = try await DeliveryQueue(postgres: client, logger: logger).publishFailures(limit: 10) { _ in }
      #expect(failures == 0, "failures recorded before the upgrade are not published again")
    }
  }
}
