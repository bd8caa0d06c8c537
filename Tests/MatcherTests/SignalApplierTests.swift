import Contract
import Foundation
import TestTags
import Testing

@testable import Matcher

@Suite("Matching rules in PostgreSQL", .tags(.integration), .localStack, .serialized)
struct SignalApplierTests {
  @Test("professionals of different organisations on one child are matched once per pair; same organisation not")
  func childMatches() async throws {
    try await MatcherDatabase.with { client in
      let applier = Applier(client: client)
      try await applier.apply(
        Events.register(child: "c", professional: "p1", organisation: "o1"),
        Events.register(child: "c", professional: "p2", organisation: "o2"),
        Events.register(child: "c", professional: "p3", organisation: "o2"))
      try await applier.apply(Events.register(child: "c", professional: "p1", organisation: "o1"))
      #expect(try await applier.matches() == ["child p1-p2", "child p1-p3"])
      #expect(try await applier.outboxCount() == 2)
    }
  }

  @Test("the same two signals always make the same match id, so a replay is recognised downstream")
  func stableIds() async throws {
    let first = UUID()
    let second = UUID()
    var ids: [String] = []
    for _ in 0..<2 {
      ids += try await MatcherDatabase.with { client in
        let applier = Applier(client: client)
        try await applier.apply(
          Events.register(first, child: "c", professional: "p1", organisation: "o1"),
          Events.register(second, child: "c", professional: "p2", organisation: "o2"))
        var found: [String] = []
        for try await id in try await client.query("SELECT match_id::text FROM matches").decode(String.self) {
          found.append(id)
        }
        return found
      }
    }
    #expect(ids.count == 2 && ids[0] == ids[1])
  }

  @Test("children who share a parent make a family match")
  func familyMatch() async throws {
    try await MatcherDatabase.with { client in
      let applier = Applier(client: client)
      try await applier.apply(Events.register(child: "c1", professional: "p1", organisation: "o1", parents: ["m"]))
      try await applier.apply(
        Events.register(child: "c2", professional: "p2", organisation: "o2", parents: ["m", "f"]))
      #expect(try await applier.matches() == ["family p1-p2"])
    }
  }

  @Test("ending as risk ended archives and ends the matches; unjustified deletes")
  func ending() async throws {
    try await MatcherDatabase.with { client in
      let applier = Applier(client: client)
      let first = UUID()
      let second = UUID()
      try await applier.apply(
        Events.register(first, child: "c", professional: "p1", organisation: "o1"),
        Events.register(second, child: "c", professional: "p2", organisation: "o2"))
      try await applier.apply(Events.end(child: "c", professional: "p1", organisation: "o1", reason: .riskEnded))
      #expect(try await applier.signalStatus(first) == "archived")
      #expect(try await applier.matches() == ["child p1-p2 ended"])
      try await applier.apply(Events.end(child: "c", professional: "p2", organisation: "o2", reason: .unjustified))
      #expect(try await applier.signalStatus(second) == nil)
      #expect(try await applier.matches() == [])
    }
  }

  @Test("after a rotation of the pseudonym key, a new signal still matches an old one, by child and by parent")
  func rotation() async throws {
    try await MatcherDatabase.with { client in
      let applier = Applier(client: client)
      try await applier.apply(
        Events.register(child: "old-c", professional: "p1", organisation: "o1", parents: ["old-m"]))
      let rekeying = Rekeying(
        child: Pseudonym(value: "old-c"), parents: [Pseudonym(value: "old-m"): Pseudonym(value: "new-m")])
      try await applier.apply(
        Events.register(child: "new-c", professional: "p2", organisation: "o2", parents: ["new-m"], rekeying: rekeying))
      try await applier.apply(
        Events.register(child: "new-d", professional: "p3", organisation: "o3", parents: ["new-m"]))
      #expect(try await applier.matches() == ["child p1-p2", "family p1-p3", "family p2-p3"])
    }
  }
}
