import Contract
import Foundation
import TestTags
import Testing

@testable import Retention

/// Seven years of a few hundred signals, day by day: the projection reads the real topic, the schedule runs once a
/// day on a clock that travels, and every lifecycle event on the topic is checked against the rules: its kind,
/// its subject and the day it was emitted, each exactly once.
@Suite("Retention over seven years", .tags(.integration), .localStack, .serialized, .timeLimit(.minutes(10)))
struct SevenYearTests {
  @Test("every reminder, expiry, purge and erasure at 23 on its day, exactly once")
  func sevenYears() async throws {
    let scenario = LifecycleScenario(start: CalendarDate("2026-01-05")!, reminderDays: 28)
    let expected = scenario.expected
    let eventsByDay = scenario.eventsByDay
    let emitted = try await RetentionHarness.with(reminderDays: 28) { harness in
      try await harness.produce(scenario.initialEvents)
      try await harness.sync()
      var emitted: [(item: DueItem, day: CalendarDate)] = []
      var day = scenario.start
      var runs = 0
      while day <= scenario.end {
        if let events = eventsByDay[day] {
          try await harness.produce(events)
          try await harness.sync()
        } else if runs % 60 == 0 {
          try await harness.sync()
        }
        let run = try await harness.run(on: day)
        emitted += run.items.map { ($0, day) }
        day = day.plus(days: 1)
        runs += 1
      }
      #expect(runs == 2558, "2026-01-05 through 2033-01-05 is 2,558 days")
      _ = try await harness.collector.wait(for: harness.producedCount)
      try await Task.sleep(for: .seconds(2))
      return (emitted, harness.collector.all)
    }
    let (items, records) = emitted
    let lifecycle = try records.map { try EventCoding.decode(SignalEvent.self, from: $0.value) }.filter(\.isRetentions)

    // Exactly once: every event id once on the topic, and one event per decision.
    #expect(lifecycle.count == Set(lifecycle.map(\.eventId)).count, "an event id is on the topic twice")
    #expect(lifecycle.count == items.count, "the runs emitted \(items.count), the topic has \(lifecycle.count)")

    // On the right day: the topic's events are exactly the expected ones.
    let actual = Set(lifecycle.map(\.expected))
    let missing = expected.subtracting(actual).sorted { $0.day < $1.day }
    let unexpected = actual.subtracting(expected).sorted { $0.day < $1.day }
    #expect(missing.isEmpty, "missing: \(missing.prefix(10))")
    #expect(unexpected.isEmpty, "not expected: \(unexpected.prefix(10))")
    #expect(
      Set(items.map { LifecycleScenario.Expected(kind: $0.item.kind.rawValue, subject: $0.item.subject, day: $0.day) })
        == actual)
    let counts = Dictionary(grouping: expected, by: \.kind).mapValues(\.count)
    #expect(counts["reminder", default: 0] > 200 && counts["expiry", default: 0] > 200, "\(counts)")
    #expect(counts["purge", default: 0] > 100 && counts["erasure", default: 0] > 40, "\(counts)")

    // The payloads say what the consumers need.
    for event in lifecycle {
      switch event.type {
      case .expiryReminder:
        let reminder = try #require(event.reminder)
        let signal = try #require(scenario.signals.first { $0.id == reminder.signalId })
        #expect(reminder.endsOn == signal.endsOn)
      case .expired: #expect(event.expired?.asOf == CalendarDate(event.occurredAt))
      case .purged:
        let purge = try #require(event.purged)
        #expect(purge.archivedOn.adding(years: 5) == CalendarDate(event.occurredAt))
      default: #expect(event.erased?.reason == .turned23)
      }
    }

    // The named cases, one by one.
    func events(ofChild name: String) -> [LifecycleScenario.Expected] {
      let child = scenario.children[scenario.named[name]!].pseudonym
      let signals = Set(
        scenario.signals.filter { $0.child == scenario.named[name]! }.map { $0.id.uuidString.lowercased() })
      return actual.filter { $0.subject == child || signals.contains($0.subject) }.sorted { $0.day < $1.day }
    }
    func events(ofSignal name: String) -> [String] {
      let subject = scenario.signals[scenario.namedSignals[name]!].id.uuidString.lowercased()
      return actual.filter { $0.subject == subject }.sorted { $0.day < $1.day }.map { "\($0.kind) \($0.day)" }
    }
    #expect(events(ofChild: "leap").map { "\($0.kind) \($0.day)" } == ["erasure 2027-03-01"])
    #expect(events(ofChild: "feb28").map { "\($0.kind) \($0.day)" } == ["erasure 2027-02-28"])
    let leap2008 = scenario.signals[scenario.namedSignals["expiredThenErased"]!]
    #expect(
      events(ofChild: "leap2008").map { "\($0.kind) \($0.day)" } == [
        "reminder \(leap2008.endsOn.plus(days: -28))", "expiry \(leap2008.endsOn)", "erasure 2031-03-01",
      ])
    #expect(events(ofSignal: "riskEnded") == ["purge \(scenario.start.plus(days: 50).adding(years: 5))"])
    #expect(events(ofSignal: "unjustified").isEmpty)
    let plain = scenario.signals[scenario.namedSignals["plain"]!]
    #expect(
      events(ofSignal: "plain") == [
        "reminder \(plain.endsOn.plus(days: -28))", "expiry \(plain.endsOn)", "purge \(plain.endsOn.adding(years: 5))",
      ])
    #expect(events(ofChild: "corrected").last.map { "\($0.kind) \($0.day)" } == "erasure 2029-06-01")
    #expect(events(ofChild: "died").isEmpty)
    let first = scenario.signals[scenario.namedSignals["first"]!]
    let second = scenario.signals[scenario.namedSignals["second"]!]
    #expect(
      events(ofSignal: "first") == [
        "reminder \(first.endsOn.plus(days: -28))", "expiry \(first.endsOn)", "purge \(first.endsOn.adding(years: 5))",
      ])
    #expect(events(ofSignal: "second") == ["reminder \(second.endsOn.plus(days: -28))", "expiry \(second.endsOn)"])
  }
}

extension SignalEvent {
  /// Emitted by Retention (the test makes the rest).
  fileprivate var isRetentions: Bool {
    switch type {
    case .expiryReminder, .expired, .purged: true
    case .childErased: erased?.reason == .turned23
    case .registered, .ended, .childCorrected: false
    }
  }

  /// Kind, subject and the day it was emitted.
  fileprivate var expected: LifecycleScenario.Expected {
    let day = CalendarDate(occurredAt)
    switch type {
    case .expiryReminder: return .init(kind: "reminder", subject: reminder!.signalId.uuidString.lowercased(), day: day)
    case .expired: return .init(kind: "expiry", subject: expired!.signalId.uuidString.lowercased(), day: day)
    case .purged: return .init(kind: "purge", subject: purged!.signalId.uuidString.lowercased(), day: day)
    default: return .init(kind: "erasure", subject: childPseudonym.value, day: day)
    }
  }
}
