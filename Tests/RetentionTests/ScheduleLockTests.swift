import Contract
import Foundation
import PostgresNIO
import TestSupport
import TestTags
import Testing

@testable import Retention

/// One scheduler at a time: a run skips while another holds the lock, and runs once it is released.
@Suite("Retention schedule lock", .tags(.integration), .localStack, .serialized, .timeLimit(.minutes(2)))
struct ScheduleLockTests {
  @Test("a run while another instance holds the lock does nothing; the dry run needs no lock")
  func lockHeldElsewhere() async throws {
    try await RetentionHarness.with { harness in
      let made = CalendarDate("2027-01-10")!
      try await harness.produce([
        TestEvents.register(UUID(), child: "a", birthDate: CalendarDate("2015-01-01")!, professional: "p", on: made)
      ])
      try await harness.sync()
      let due = made.adding(years: 2)
      try await TestDatabase.withClient(database: harness.database) { other in
        try await other.withConnection { holder in
          let locked = try await holder.query(
            "SELECT pg_try_advisory_lock(\(RetentionScheduler.lockKey))", logger: RetentionDatabase.logger)
          for try await value in locked.decode(Bool.self) { #expect(value) }
          let skipped = try await harness.scheduler.run(clock: .fixed(on: due), dryRun: false)
          #expect(skipped == nil, "ran while another instance held the lock")
          let dry = try await harness.scheduler.run(clock: .fixed(on: due), dryRun: true)
          #expect(dry?.items.map(\.kind) == [.expiry])
          try await holder.query(
            "SELECT pg_advisory_unlock(\(RetentionScheduler.lockKey))", logger: RetentionDatabase.logger)
        }
      }
      #expect(try await harness.run(on: due).items.map(\.kind) == [.expiry])
      // The lock went back with the run: the next run takes it again and finds nothing left.
      #expect(try await harness.run(on: due).items.isEmpty)
    }
  }
}
