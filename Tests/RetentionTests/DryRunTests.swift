import Contract
import Foundation
import KafkaClient
import TestTags
import Testing

@testable import Retention

/// The dry run shows exactly what the real run then emits, in the same order, and changes nothing.
@Suite("Retention dry run", .tags(.integration), .localStack, .serialized, .timeLimit(.minutes(3)))
struct DryRunTests {
  @Test("the dry run's items equal what the real run emits for the same date, over several chunks")
  func dryRunEqualsRealRun() async throws {
    let asOf = CalendarDate("2031-06-01")!
    try await RetentionHarness.with(reminderDays: 28, chunkSize: 3) { harness in
      var events: [SignalEvent] = []
      for index in 0..<4 {
        // Expiries due (ended 2 to 5 days ago) and reminders due (ending in 5 to 8 days).
        events.append(
          TestEvents.register(
            UUID(), child: "expiring-\(index)", birthDate: CalendarDate("2015-01-01")!, professional: "p\(index)",
            on: asOf.plus(days: -735), endsOn: asOf.plus(days: -2 - index)))
        events.append(
          TestEvents.register(
            UUID(), child: "reminded-\(index)", birthDate: CalendarDate("2015-01-01")!, professional: "p\(index)",
            on: asOf.plus(days: -700), endsOn: asOf.plus(days: 5 + index)))
        // Archived more than five years ago, and children who turned 23 in the last days.
        events.append(
          TestEvents.register(
            UUID(), child: "archived-\(index)", birthDate: CalendarDate("2015-01-01")!, professional: "p\(index)",
            on: CalendarDate("2025-01-01")!))
        events.append(
          TestEvents.end(
            child: "archived-\(index)", professional: "p\(index)", reason: .riskEnded,
            on: CalendarDate("2026-05-0\(index + 1)")!))
        events.append(
          TestEvents.register(
            UUID(), child: "adult-\(index)", birthDate: asOf.adding(years: -23).plus(days: -index),
            professional: "p\(index)", on: asOf.plus(days: -300)))
      }
      try await harness.produce(events)
      try await harness.sync()

      let dry = try await harness.run(on: asOf, dryRun: true)
      let again = try await harness.run(on: asOf, dryRun: true)
      let real = try await harness.run(on: asOf)
      let after = try await harness.run(on: asOf, dryRun: true)

      #expect(dry.items.count == 16, "\(RunReport(run: dry, dryRun: true).text)")
      #expect(Set(dry.items.map(\.kind)) == Set(DueItem.Kind.allCases))
      #expect(dry.items == again.items, "a dry run changed something")
      #expect(dry.items == real.items)
      #expect(dry.items.map(\.dueOn) == dry.items.map(\.dueOn).sorted(), "not oldest first")
      let dryLines = RunReport(run: dry, dryRun: true).text.split(separator: "\n").dropFirst()
      let realLines = RunReport(run: real, dryRun: false).text.split(separator: "\n").dropFirst()
      #expect(Array(dryLines) == Array(realLines))
      #expect(after.items.isEmpty, "the real run left \(after.items.count) items due")

      // What reached the topic is what the dry run listed: the same event ids, each once.
      let records = try await harness.collector.wait(for: harness.producedCount)
      let emitted = try records.map { try EventCoding.decode(SignalEvent.self, from: $0.value) }
        .filter { $0.type != .registered && $0.type != .ended }
      #expect(emitted.count == dry.items.count)
      #expect(Set(emitted.map(\.eventId)) == Set(dry.items.map(\.eventId)))
    }
  }
}
