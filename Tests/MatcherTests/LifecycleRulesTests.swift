import Contract
import Foundation
import KafkaClient
import PostgresNIO
import TestTags
import Testing

@testable import Matcher

@Suite("Lifecycle events in the Matcher", .tags(.integration), .localStack, .serialized)
struct LifecycleRulesTests {
  @Test("expiry archives the signal, ends its matches and asks its professional, once")
  func expiry() async throws {
    try await MatcherDatabase.with { client in
      let applier = Applier(client: client)
      let first = UUID()
      try await applier.apply(
        Events.register(first, child: "c", professional: "p1", organisation: "o1"),
        Events.register(child: "c", professional: "p2", organisation: "o2"))
      try await applier.apply(Events.expire(first, child: "c"))
      try await applier.apply(Events.expire(first, child: "c"))
      #expect(try await applier.signalStatus(first) == "archived")
      #expect(try await applier.matches() == ["child p1-p2 ended"])
      let expired = try await applier.notices().filter { $0.type == .expired }
      #expect(expired.map { $0.expiry?.recipient.professionalId } == ["p1"])
      #expect(expired.first?.expiry?.endsOn == CalendarDate("2030-01-01"))
    }
  }

  @Test("a reminder becomes a notice only while the signal is active")
  func reminder() async throws {
    try await MatcherDatabase.with { client in
      let applier = Applier(client: client)
      let active = UUID()
      let ended = UUID()
      try await applier.apply(
        Events.register(active, child: "c", professional: "p1", organisation: "o1"),
        Events.register(ended, child: "d", professional: "p2", organisation: "o2"),
        Events.end(child: "d", professional: "p2", organisation: "o2", reason: .riskEnded))
      try await applier.apply(Events.remind(active, child: "c"), Events.remind(ended, child: "d"))
      let reminders = try await applier.notices().filter { $0.type == .expiryReminder }
      #expect(reminders.map { $0.expiry?.recipient.signalId } == [active])
    }
  }

  @Test("purge deletes an archived signal only; an active one stays")
  func purge() async throws {
    try await MatcherDatabase.with { client in
      let applier = Applier(client: client)
      let archived = UUID()
      let active = UUID()
      try await applier.apply(
        Events.register(archived, child: "c", professional: "p1", organisation: "o1"),
        Events.register(active, child: "c", professional: "p2", organisation: "o2"),
        Events.end(child: "c", professional: "p1", organisation: "o1", reason: .riskEnded))
      try await applier.apply(Events.purge(archived, child: "c"), Events.purge(active, child: "c"))
      #expect(try await applier.signalStatus(archived) == nil)
      #expect(try await applier.signalStatus(active) == "active")
      #expect(try await applier.matches() == [])
      let withdrawals = try await applier.notices().filter { $0.type == .withdrawn }
      #expect(withdrawals.map { $0.withdrawal?.signalIds } == [[archived]])
    }
  }

  @Test(
    "erasure deletes everything about the child, archive included; the log book forgets the child",
    arguments: ChildErasure.Reason.allCases)
  func erasure(reason: ChildErasure.Reason) async throws {
    try await MatcherDatabase.with { client in
      let applier = Applier(client: client)
      try await applier.apply(
        Events.register(child: "c", professional: "p1", organisation: "o1", parents: ["m"]),
        Events.register(child: "c", professional: "p2", organisation: "o2"),
        Events.end(child: "c", professional: "p2", organisation: "o2", reason: .riskEnded),
        Events.register(child: "sibling", professional: "p3", organisation: "o3", parents: ["m"]))
      #expect(try await applier.matches() == ["child p1-p2 ended", "family p1-p3"])
      var signals: Set<UUID> = []
      for try await id in try await client.query("SELECT signal_id FROM signals WHERE child_pseudonym = 'c'").decode(
        UUID.self)
      {
        signals.insert(id)
      }
      try await applier.apply(Events.erase(child: "c", reason: reason))
      // Both signals, the archived one too, are withdrawn, so no e-mail still queued names them.
      let withdrawals = try await applier.notices().filter { $0.type == .withdrawn }
      #expect(withdrawals.count == 1 && Set(withdrawals.first?.withdrawal?.signalIds ?? []) == signals)
      #expect(signals.count == 2)
      #expect(try await applier.matches() == [])
      #expect(try await applier.count("SELECT count(*)::int FROM signals WHERE child_pseudonym = 'c'") == 0)
      #expect(try await applier.count("SELECT count(*)::int FROM children WHERE child_pseudonym = 'c'") == 0)
      #expect(try await applier.count("SELECT count(*)::int FROM child_parents WHERE child_pseudonym = 'c'") == 0)
      #expect(try await applier.count("SELECT count(*)::int FROM log_book WHERE child_pseudonym = 'c'") == 0)
      #expect(try await applier.count("SELECT count(*)::int FROM signals WHERE child_pseudonym = 'sibling'") == 1)
      #expect(try await applier.logBook().last == "child.erased")
    }
  }

  @Test("a registration for a child who is 23 today stores nothing; one for a child of 22 is matched")
  func registrationAt23() async throws {
    try await MatcherDatabase.with { client in
      let applier = Applier(client: client)
      let today = CalendarDate(Date())
      let adult = CalendarDate(year: today.year - 23, month: today.month, day: 1)!
      let young = CalendarDate(year: today.year - 22, month: today.month, day: 1)!
      let late = UUID()
      try await applier.apply(
        Events.register(child: "adult", professional: "p1", organisation: "o1", birthDate: adult),
        Events.register(late, child: "adult", professional: "p2", organisation: "o2", birthDate: adult),
        Events.register(child: "young", professional: "p1", organisation: "o1", birthDate: young),
        Events.register(child: "young", professional: "p2", organisation: "o2", birthDate: young))
      #expect(try await applier.signalStatus(late) == nil)
      #expect(try await applier.count("SELECT count(*)::int FROM signals WHERE child_pseudonym = 'adult'") == 0)
      #expect(try await applier.count("SELECT count(*)::int FROM children WHERE child_pseudonym = 'adult'") == 0)
      #expect(try await applier.matches() == ["child p1-p2"])
    }
  }

  @Test("a correction changes the child and its signals, and a later registration does not undo it")
  func correction() async throws {
    try await MatcherDatabase.with { client in
      let applier = Applier(client: client)
      try await applier.apply(Events.register(child: "c", professional: "p1", organisation: "o1"))
      try await applier.apply(Events.correct(child: "c", initials: "B. Kind", birthDate: "2016-02-29"))
      try await applier.apply(Events.register(child: "c", professional: "p2", organisation: "o2"))
      #expect(
        try await applier.count(
          "SELECT count(*)::int FROM children WHERE initials = 'B. Kind' AND birth_date = '2016-02-29'") == 1)
      #expect(
        try await applier.count(
          "SELECT count(*)::int FROM signals WHERE child_initials = 'B. Kind' AND professional_id = 'p1'") == 1)
      #expect(try await applier.logBook().contains("child.corrected"))
    }
  }

  @Test("lifecycle events for signals or children that are gone change nothing")
  func goneAlready() async throws {
    try await MatcherDatabase.with { client in
      let applier = Applier(client: client)
      let gone = UUID()
      try await applier.apply(
        Events.expire(gone, child: "x"), Events.remind(gone, child: "x"), Events.purge(gone, child: "x"),
        Events.end(child: "x", professional: "p", organisation: "o", reason: .unjustified),
        Events.erase(child: "x", reason: .turned23), Events.correct(child: "x", initials: "A.", birthDate: "2015-01-01")
      )
      #expect(try await applier.notices().isEmpty)
      #expect(try await applier.count("SELECT count(*)::int FROM children") == 0)
    }
  }

  @Test("the log book records signals made, ended and deleted, and matches made")
  func logBook() async throws {
    try await MatcherDatabase.with { client in
      let applier = Applier(client: client)
      try await applier.apply(
        Events.register(child: "c", professional: "p1", organisation: "o1"),
        Events.register(child: "c", professional: "p2", organisation: "o2"))
      try await applier.apply(Events.end(child: "c", professional: "p1", organisation: "o1", reason: .riskEnded))
      try await applier.apply(Events.end(child: "c", professional: "p2", organisation: "o2", reason: .unjustified))
      #expect(
        try await applier.logBook() == [
          "signal.registered", "signal.registered", "match.made", "signal.ended", "signal.deleted",
        ])
    }
  }
}
