import Contract
import Foundation
import TestTags
import Testing

@testable import Retention

/// The projection follows the signal events, Retention's own included, so the schedule decides on the right state.
@Suite("Retention projection", .tags(.integration), .localStack, .serialized, .timeLimit(.minutes(3)))
struct ProjectionTests {
  let birth = CalendarDate("2010-04-10")!
  var turns23: CalendarDate { birth.adding(years: 23) }

  @Test("a child erased at 23 is not made again by a late registration or correction, and gets nothing more")
  func erasedChildStaysErased() async throws {
    try await RetentionHarness.with { harness in
      let signal = UUID()
      try await harness.produce([
        TestEvents.register(signal, child: "kid", birthDate: birth, professional: "p", on: turns23.plus(days: -20))
      ])
      try await harness.sync()
      #expect(try await harness.run(on: turns23.plus(days: -1)).items.isEmpty)
      let erasure = try await harness.run(on: turns23)
      #expect(erasure.items.map(\.kind) == [.erasure])
      try await harness.sync()
      // Late: a registration validated just before midnight, a correction to a later birth date.
      try await harness.produce([
        TestEvents.register(UUID(), child: "kid", birthDate: birth, professional: "q", on: turns23.plus(days: -1)),
        TestEvents.correct(child: "kid", birthDate: birth.plus(days: 400), on: turns23.plus(days: 1)),
      ])
      try await harness.sync()
      let left = try await harness.postgres.count(
        """
        SELECT (SELECT count(*) FROM retention_signals WHERE child_pseudonym = 'kid')
          + (SELECT count(*) FROM retention_children WHERE child_pseudonym = 'kid')
        """)
      #expect(left == 0)
      for day in [turns23.plus(days: 1), turns23.plus(days: 500), turns23.adding(years: 6)] {
        #expect(try await harness.run(on: day, dryRun: true).items.isEmpty, "something due on \(day)")
      }
    }
  }

  @Test("decisions are forgotten once a month old and their child or signal is gone, never while it is there")
  func settledDecisionsAreForgotten() async throws {
    try await RetentionHarness.with { harness in
      let young = UUID()
      let registered = turns23.plus(days: -20)
      try await harness.produce([
        TestEvents.register(UUID(), child: "kid", birthDate: birth, professional: "p", on: registered),
        TestEvents.register(
          young, child: "young", birthDate: CalendarDate("2020-01-01")!, professional: "p", on: registered),
      ])
      try await harness.sync()
      func decisions() async throws -> [String] {
        var result: [String] = []
        let rows = try await harness.postgres.query(
          "SELECT kind || ' ' || subject FROM retention_lifecycle_decisions ORDER BY 1",
          logger: RetentionDatabase.logger)
        for try await row in rows.decode(String.self) { result.append(row) }
        return result
      }
      #expect(try await harness.run(on: turns23).items.map(\.kind) == [.erasure])
      try await harness.sync()
      // Gone from the projection, but decided today: kept, so a late registration cannot bring the child back.
      #expect(try await harness.run(on: turns23.plus(days: 1)).items.isEmpty)
      #expect(try await decisions() == ["erasure kid"])
      let reminderDay = registered.adding(years: 2).plus(days: -28)
      #expect(try await harness.run(on: reminderDay).items.map(\.kind) == [.reminder])
      try await harness.sync()
      #expect(try await decisions() == ["erasure kid", "reminder \(young.uuidString.lowercased())"])
      // A month on: the erased child's decision goes; the reminder of the signal still there stays.
      try await harness.postgres.query(
        "UPDATE retention_lifecycle_decisions SET decided_at = now() - interval '31 days'",
        logger: RetentionDatabase.logger)
      #expect(try await harness.run(on: reminderDay).items.isEmpty)
      #expect(try await decisions() == ["reminder \(young.uuidString.lowercased())"])
    }
  }

  @Test("a correction moves the 23rd birthday; death erases a child and its signals")
  func correctionAndDeath() async throws {
    try await RetentionHarness.with { harness in
      let corrected = CalendarDate("2009-01-15")!
      try await harness.produce([
        TestEvents.register(UUID(), child: "kid", birthDate: birth, professional: "p", on: CalendarDate("2031-06-01")!),
        TestEvents.register(
          UUID(), child: "dead", birthDate: birth, professional: "p", on: CalendarDate("2031-06-01")!),
        TestEvents.correct(child: "kid", birthDate: corrected, on: CalendarDate("2031-07-01")!),
        TestEvents.erase(child: "dead", reason: .death, on: CalendarDate("2031-08-01")!),
      ])
      try await harness.sync()
      let at23 = corrected.adding(years: 23)
      #expect(try await harness.run(on: at23.plus(days: -1), dryRun: true).items.isEmpty)
      let due = try await harness.run(on: at23, dryRun: true).items
      #expect(due.map(\.kind) == [.erasure] && due.first?.childPseudonym.value == "kid")
      let later = try await harness.run(on: CalendarDate("2040-01-01")!, dryRun: true).items
      #expect(!later.contains { $0.childPseudonym.value == "dead" })
    }
  }

  @Test("ended early: never expired; risk ended is purged five years after its day, 29 February to 1 March")
  func endedEarly() async throws {
    try await RetentionHarness.with(reminderDays: 0) { harness in
      let made = CalendarDate("2027-01-10")!
      try await harness.produce([
        TestEvents.register(UUID(), child: "a", birthDate: birth, professional: "p", on: made),
        TestEvents.register(UUID(), child: "b", birthDate: birth, professional: "p", on: made),
        TestEvents.end(child: "a", professional: "p", reason: .riskEnded, on: CalendarDate("2028-02-29")!),
        TestEvents.end(child: "b", professional: "p", reason: .unjustified, on: CalendarDate("2028-02-29")!),
      ])
      try await harness.sync()
      #expect(try await harness.run(on: made.adding(years: 2), dryRun: true).items.isEmpty, "an ended signal expired")
      #expect(try await harness.run(on: CalendarDate("2033-02-28")!, dryRun: true).items.isEmpty)
      let purge = try await harness.run(on: CalendarDate("2033-03-01")!, dryRun: true).items
      #expect(purge.map(\.kind) == [.purge] && purge.first?.childPseudonym.value == "a")
      #expect(purge.first?.what == .purge(signalId: purge[0].signalId!, archivedOn: CalendarDate("2028-02-29")!))
    }
  }

  @Test("with reminder days 0 there are no reminders; an expiry archives on its as-of day")
  func noRemindersAndArchiveDay() async throws {
    try await RetentionHarness.with(reminderDays: 0) { harness in
      let made = CalendarDate("2027-03-10")!
      try await harness.produce([
        TestEvents.register(UUID(), child: "a", birthDate: CalendarDate("2020-01-01")!, professional: "p", on: made)
      ])
      try await harness.sync()
      #expect(try await harness.run(on: made.adding(years: 2).plus(days: -1)).items.isEmpty)
      // Emitted three days late (downtime): archived on the day it was emitted, as the Matcher archives it.
      let late = made.adding(years: 2).plus(days: 3)
      #expect(try await harness.run(on: late).items.map(\.kind) == [.expiry])
      try await harness.sync()
      #expect(try await harness.run(on: late.adding(years: 5).plus(days: -1), dryRun: true).items.isEmpty)
      #expect(try await harness.run(on: late.adding(years: 5), dryRun: true).items.map(\.kind) == [.purge])
    }
  }

  @Test("a signal id given again after an objection is reminded and expired again, on its new dates")
  func sameIdAfterObjection() async throws {
    try await RetentionHarness.with { harness in
      let signal = UUID()
      let made = CalendarDate("2027-05-20")!
      let firstEnd = made.adding(years: 2)
      try await harness.produce([
        TestEvents.register(signal, child: "k", birthDate: CalendarDate("2016-01-01")!, professional: "p", on: made)
      ])
      try await harness.sync()
      let firstReminder = try await harness.run(on: firstEnd.plus(days: -28)).items
      #expect(firstReminder.map(\.kind) == [.reminder])
      // The objection is upheld; the professional signals again before the old end date and gets the same id.
      let again = firstEnd.plus(days: -20)
      try await harness.produce([
        TestEvents.erase(child: "k", reason: .objection, on: again),
        TestEvents.register(signal, child: "k", birthDate: CalendarDate("2016-01-01")!, professional: "p", on: again),
      ])
      try await harness.sync()
      #expect(try await harness.run(on: firstEnd).items.isEmpty, "the first life expired")
      let secondEnd = again.adding(years: 2)
      let secondReminder = try await harness.run(on: secondEnd.plus(days: -28)).items
      #expect(secondReminder.map(\.kind) == [.reminder])
      #expect(secondReminder.first?.eventId != firstReminder.first?.eventId)
      #expect(try await harness.run(on: secondEnd).items.map(\.kind) == [.expiry])
    }
  }

  @Test("a rotation of the pseudonym key renames the child: one erasure at 23, under the current pseudonym")
  func rekeying() async throws {
    try await RetentionHarness.with { harness in
      let made = turns23.plus(days: -100)
      var renamed = TestEvents.register(UUID(), child: "new", birthDate: birth, professional: "q", on: made)
      renamed.rekeying = Rekeying(child: Pseudonym(value: "old"), parents: [:])
      try await harness.produce([
        TestEvents.register(UUID(), child: "old", birthDate: birth, professional: "p", on: made.plus(days: -30))
      ])
      try await harness.sync()
      try await harness.produce([renamed])
      try await harness.sync()
      let due = try await harness.run(on: turns23, dryRun: true).items
      #expect(due.map(\.kind) == [.erasure] && due.first?.childPseudonym.value == "new")
      let signals = try await harness.postgres.count(
        "SELECT count(*)::int FROM retention_signals WHERE child_pseudonym = 'new'")
      #expect(signals == 2)
    }
  }
}
