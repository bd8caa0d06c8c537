import Contract
import Foundation
import KafkaClient

/// Registrations for families of 1 to 4 children, 1 to 5 professionals per child from 60 organisations, with the
/// matches they must make (all signals stay active, so the set does not depend on the order they are applied in).
struct ScaleOutPopulation {
  struct Signal {
    var id: UUID
    var child: Int
    var family: Int
    var professional: Int
    var organisation: Int { professional % 60 }
  }

  private(set) var signals: [Signal] = []
  private(set) var parents: [Int: [String]] = [:]

  init(signals count: Int) {
    var random = SystemRandomNumberGenerator()
    var child = 0
    var family = 0
    while signals.count < count {
      family += 1
      for _ in 0..<Int.random(in: 1...4, using: &random) {
        child += 1
        // One child in five is signalled without its parents: no family match through it.
        parents[child] = Int.random(in: 0..<5, using: &random) == 0 ? [] : ["m\(family)", "f\(family)"]
        var professionals = Set<Int>()
        let wanted = [1, 1, 1, 2, 2, 3, 4, 5].randomElement(using: &random)!
        while professionals.count < wanted { professionals.insert(Int.random(in: 0..<600, using: &random)) }
        for professional in professionals {
          signals.append(Signal(id: UUID(), child: child, family: family, professional: professional))
        }
      }
    }
    signals.removeLast(signals.count - count)
    signals.shuffle(using: &random)
  }

  /// The ids of every match the signals must make: pairs of different organisations on one child, or on two
  /// children who share a parent.
  var expectedMatches: Set<UUID> {
    var result = Set<UUID>()
    func add(_ a: Signal, _ b: Signal) {
      guard a.organisation != b.organisation, a.professional != b.professional else { return }
      let (x, y) = a.id.uuidString < b.id.uuidString ? (a.id, b.id) : (b.id, a.id)
      result.insert(StableID.make("match", x.uuidString, y.uuidString))
    }
    for (_, members) in Dictionary(grouping: signals, by: \.family) {
      for (i, a) in members.enumerated() {
        for b in members[(i + 1)...] {
          let related = a.child == b.child || (!(parents[a.child] ?? []).isEmpty && !(parents[b.child] ?? []).isEmpty)
          if related { add(a, b) }
        }
      }
    }
    return result
  }

  /// The registrations as SignalIntake publishes them, keyed by child.
  func messages(topic: String) throws -> [KafkaProducerMessage] {
    let now = Date()
    return try signals.map { signal in
      let event = SignalEvent(
        occurredAt: now, childPseudonym: Pseudonym(value: "child-\(signal.child)"),
        change: .registered(
          SignalRegistration(
            signalId: signal.id, organisationId: "o\(signal.organisation)", professionalId: "p\(signal.professional)",
            reference: nil, informed: .withheld,
            child: ChildRecord(
              initials: "K. Kind", birthDate: CalendarDate("2015-06-01")!, gender: "O",
              parentPseudonyms: (parents[signal.child] ?? []).map { Pseudonym(value: $0) }),
            registeredAt: now, endsOn: CalendarDate("2030-06-01")!)))
      return KafkaProducerMessage(
        topic: topic, key: "child-\(signal.child)", value: try EventCoding.encode(event))
    }
  }
}
