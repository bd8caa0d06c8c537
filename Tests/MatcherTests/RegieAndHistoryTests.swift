import Contract
import Foundation
import PostgresNIO
import Registry
import TestTags
import Testing

@testable import Matcher

@Suite("Regie, historical involvement and address matches", .tags(.integration), .localStack, .serialized)
struct RegieAndHistoryTests {
  static func registry(_ types: [String: String]) -> RegistrySnapshot {
    var registry = RegistrySnapshot()
    for (id, type) in types {
      registry.apply(
        RegistryEvent(
          Organisation(
            id: id, name: id, type: type, municipality: "GM\(id)", region: "r", publicKey: "", coordinator: nil,
            active: true)))
    }
    return registry
  }

  @Test("regie follows the region's order of organisation types, then the first signaller; a move is announced")
  func regieOrder() async throws {
    try await MatcherDatabase.with { client in
      var applier = Applier(client: client)
      applier.rules.regieOrder = ["veiligthuis", "jgz"]
      applier.registry = Self.registry(["o1": "school", "o2": "huisarts", "o3": "veiligthuis"])
      let start = Date(timeIntervalSince1970: 1_800_000_000)
      try await applier.apply(
        Events.register(child: "c", professional: "p1", organisation: "o1", at: start),
        Events.register(child: "c", professional: "p2", organisation: "o2", at: start + 60))
      var notices = try await applier.notices()
      #expect(notices.compactMap(\.match?.regie.professionalId) == ["p1"], "no ranked type: the first signaller")
      #expect(notices.first?.match?.municipalityCodes == ["GMo1", "GMo2"])
      try await applier.apply(Events.register(child: "c", professional: "p3", organisation: "o3", at: start + 120))
      notices = try await applier.notices()
      #expect(notices.compactMap(\.match?.regie.professionalId) == ["p1", "p3", "p3"])
      let moved = notices.filter { $0.type == .regie }
      #expect(moved.count == 1 && moved.first?.regie?.holder.professionalId == "p3")
      #expect(Set(moved.first?.regie?.recipients.map(\.professionalId) ?? []) == ["p1", "p2", "p3"])
      // The holder's signal ends: regie moves back to the first signaller, and everyone left is told.
      try await applier.apply(Events.end(child: "c", professional: "p3", organisation: "o3", reason: .riskEnded))
      let last = try await applier.notices().filter { $0.type == .regie }.last
      #expect(last?.regie?.holder.professionalId == "p1")
      #expect(Set(last?.regie?.recipients.map(\.professionalId) ?? []) == ["p1", "p2"])
    }
  }

  @Test("historical involvement is shown once, to the new signaller only, and never one's own archive")
  func history() async throws {
    try await MatcherDatabase.with { client in
      let applier = Applier(client: client)
      let archived = UUID()
      let newcomer = UUID()
      try await applier.apply(
        Events.register(archived, child: "c", professional: "p1", organisation: "o1"),
        Events.end(child: "c", professional: "p1", organisation: "o1", reason: .riskEnded))
      try await applier.apply(Events.register(child: "c", professional: "p1", organisation: "o1"))
      try await applier.apply(Events.register(newcomer, child: "c", professional: "p2", organisation: "o2"))
      try await applier.apply(Events.end(child: "c", professional: "p2", organisation: "o2", reason: .unjustified))
      try await applier.apply(Events.register(child: "c", professional: "p2", organisation: "o2"))
      let historical = try await applier.notices().compactMap(\.historical)
      #expect(historical.count == 1)
      #expect(historical.first?.recipient.signalId == newcomer)
      #expect(historical.first?.archived.map(\.signalId) == [archived])
    }
  }

  @Test("address matches only when switched on, and never for the same child twice")
  func address() async throws {
    for enabled in [false, true] {
      try await MatcherDatabase.with { client in
        var applier = Applier(client: client)
        applier.rules.matchAddress = enabled
        try await applier.apply(
          Events.register(child: "c1", professional: "p1", organisation: "o1", address: "a1"),
          Events.register(child: "c2", professional: "p2", organisation: "o2", address: "a1"),
          Events.register(child: "c3", professional: "p3", organisation: "o3", parents: ["m"], address: "a2"),
          Events.register(child: "c4", professional: "p4", organisation: "o4", parents: ["m"], address: "a2"))
        let expected = enabled ? ["address p1-p2", "family p3-p4"] : ["family p3-p4"]
        #expect(try await applier.matches() == expected)
      }
    }
  }

  @Test("concurrent batches with siblings on different partitions make the family match exactly once")
  func concurrentSiblings() async throws {
    try await MatcherDatabase.with { client in
      let applier = Applier(client: client)
      for round in 0..<20 {
        try await withThrowingTaskGroup(of: Void.self) { group in
          group.addTask {
            try await applier.apply(
              Events.register(child: "a\(round)", professional: "p1", organisation: "o1", parents: ["m\(round)"]))
          }
          group.addTask {
            try await applier.apply(
              Events.register(child: "b\(round)", professional: "p2", organisation: "o2", parents: ["m\(round)"]))
          }
          try await group.waitForAll()
        }
      }
      #expect(try await applier.matches() == Array(repeating: "family p1-p2", count: 20))
      #expect(try await applier.outboxCount() == 20)
    }
  }
}
