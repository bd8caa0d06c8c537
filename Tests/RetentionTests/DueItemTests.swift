import Contract
import Foundation
import TestTags
import Testing

@testable import Retention

/// The events a decision makes, and the clock the schedule reads.
@Suite("Retention due items and clock", .tags(.unit))
struct DueItemTests {
  let signal = UUID()
  let child = Pseudonym(value: "abc")
  let day = CalendarDate("2027-03-01")!

  @Test("an event id depends on kind, subject and due day only, so a re-emission has the same id")
  func stableIds() {
    let expiry = DueItem(what: .expiry(signalId: signal), childPseudonym: child, dueOn: day)
    let first = expiry.event(asOf: day, at: day.noon)
    let later = expiry.event(asOf: day.plus(days: 3), at: day.plus(days: 3).noon)
    #expect(first.eventId == later.eventId)
    #expect(first.eventId == StableID.make("retention", "expiry", signal.uuidString, "2027-03-01"))
    let secondLife = DueItem(what: .expiry(signalId: signal), childPseudonym: child, dueOn: day.adding(years: 1))
    #expect(secondLife.eventId != expiry.eventId, "another due day is another decision")
    let reminder = DueItem(what: .reminder(signalId: signal, endsOn: day), childPseudonym: child, dueOn: day)
    let purge = DueItem(what: .purge(signalId: signal, archivedOn: day), childPseudonym: child, dueOn: day)
    let erasure = DueItem(what: .erasure, childPseudonym: child, dueOn: day)
    #expect(Set([expiry, reminder, purge, erasure].map(\.eventId)).count == 4)
  }

  @Test("each kind makes its event type with its payload")
  func payloads() {
    let reminder = DueItem(what: .reminder(signalId: signal, endsOn: day), childPseudonym: child, dueOn: day)
      .event(asOf: day, at: day.noon)
    #expect(reminder.type == .expiryReminder && reminder.reminder == SignalReminder(signalId: signal, endsOn: day))
    let expiry = DueItem(what: .expiry(signalId: signal), childPseudonym: child, dueOn: day)
      .event(asOf: day, at: day.noon)
    #expect(expiry.type == .expired && expiry.expired == SignalExpiry(signalId: signal, asOf: day))
    let purge = DueItem(what: .purge(signalId: signal, archivedOn: day), childPseudonym: child, dueOn: day)
      .event(asOf: day, at: day.noon)
    #expect(purge.type == .purged && purge.purged == SignalPurge(signalId: signal, archivedOn: day))
    let erasure = DueItem(what: .erasure, childPseudonym: child, dueOn: day).event(asOf: day, at: day.noon)
    #expect(erasure.type == .childErased && erasure.erased == ChildErasure(reason: .turned23))
    #expect([reminder, expiry, purge, erasure].allSatisfy { $0.childPseudonym == child })
  }

  @Test("a fixed clock's day is its day in Amsterdam, also when the clocks change")
  func fixedClock() {
    for text in ["2027-03-28", "2027-10-31", "2028-02-29", "2026-12-31"] {
      let day = CalendarDate(text)!
      #expect(RetentionClock.fixed(on: day).today == day)
    }
  }

  @Test("29 February turns 23 on 1 March; 28 February on 28 February")
  func birthdays() {
    #expect(CalendarDate("2004-02-29")!.adding(years: 23) == CalendarDate("2027-03-01")!)
    #expect(CalendarDate("2004-02-28")!.adding(years: 23) == CalendarDate("2027-02-28")!)
    #expect(CalendarDate("2028-02-29")!.adding(years: 5) == CalendarDate("2033-03-01")!)
  }
}
