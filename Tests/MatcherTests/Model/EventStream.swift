import Contract
import Foundation
import TestSupport

/// Generates a random but plausible stream of signal events for families of children: registrations (some
/// repeated while active, some without the parents), endings, expiries, reminders, purges and erasures, some of
/// them for signals that are already gone.
struct EventStream {
  static let organisationTypes = ["veiligthuis", "jeugdhulp", "jgz", "school", "huisarts"]

  var random: SeededRandom
  let families: [[String]]
  let parentsOf: [String: [String]]
  let professionals: [(id: String, organisation: String)]
  var clock = Date(timeIntervalSince1970: 1_767_225_600)
  var registered: [(id: UUID, child: String, professional: String, organisation: String)] = []

  /// The organisations and their types.
  var organisationTypes: [String: String] {
    Dictionary(uniqueKeysWithValues: (0..<12).map { ("o\($0)", Self.organisationTypes[$0 % 5]) })
  }

  init(seed: UInt64, families count: Int) {
    var random = SeededRandom(seed: seed)
    var families: [[String]] = []
    var parentsOf: [String: [String]] = [:]
    for family in 0..<count {
      let children = (0..<Int.random(in: 1...4, using: &random)).map { "f\(family)c\($0)" }
      let parents = ["f\(family)m", "f\(family)f"]
      for child in children {
        // Some children are known with one parent, some with both: families still connect through the other.
        parentsOf[child] = Bool.random(using: &random) ? parents : [parents[Int.random(in: 0...1, using: &random)]]
      }
      families.append(children)
    }
    self.random = random
    self.families = families
    self.parentsOf = parentsOf
    professionals = (0..<40).map { ("p\($0)", "o\($0 % 12)") }
  }

  /// The next batch of 1 to `maximum` events.
  mutating func batch(maximum: Int) -> [SignalEvent] {
    (0..<Int.random(in: 1...maximum, using: &random)).map { _ in next() }
  }

  private mutating func next() -> SignalEvent {
    clock += 1
    let roll = Int.random(in: 0..<100, using: &random)
    if roll < 55 || registered.isEmpty { return register() }
    let (id, child, professional, organisation) = registered.randomElement(using: &random)!
    let pseudonym = Pseudonym(value: child)
    switch roll {
    case 55..<67:
      let reason: EndReason = Bool.random(using: &random) ? .riskEnded : .unjustified
      return SignalEvent(
        occurredAt: clock, childPseudonym: pseudonym,
        change: .ended(SignalEnding(organisationId: organisation, professionalId: professional, reason: reason)))
    case 67..<77:
      return SignalEvent(
        occurredAt: clock, childPseudonym: pseudonym,
        change: .expired(SignalExpiry(signalId: id, asOf: CalendarDate(clock))))
    case 77..<83:
      return SignalEvent(
        occurredAt: clock, childPseudonym: pseudonym,
        change: .expiryReminder(SignalReminder(signalId: id, endsOn: CalendarDate(clock))))
    case 83..<97:
      return SignalEvent(
        occurredAt: clock, childPseudonym: pseudonym,
        change: .purged(SignalPurge(signalId: id, archivedOn: CalendarDate(clock))))
    default:
      let reason = ChildErasure.Reason.allCases.randomElement(using: &random)!
      return SignalEvent(
        occurredAt: clock, childPseudonym: pseudonym, change: .childErased(ChildErasure(reason: reason)))
    }
  }

  private mutating func register() -> SignalEvent {
    let family = families.randomElement(using: &random)!
    let child = family.randomElement(using: &random)!
    // Professionals cluster around families, as they do in a region: a few per family, sometimes anyone.
    let base = families.firstIndex(of: family)! * 3
    let index =
      Int.random(in: 0..<10, using: &random) < 8
      ? (base + Int.random(in: 0..<5, using: &random)) % 40 : Int.random(in: 0..<40, using: &random)
    let professional = professionals[index]
    let id = UUID()
    registered.append((id, child, professional.id, professional.organisation))
    let parents = Int.random(in: 0..<4, using: &random) == 0 ? [] : parentsOf[child]!
    return SignalEvent(
      occurredAt: clock, childPseudonym: Pseudonym(value: child),
      change: .registered(
        SignalRegistration(
          signalId: id, organisationId: professional.organisation, professionalId: professional.id,
          reference: "ref-\(id.uuidString.prefix(6))", informed: .parents,
          child: ChildRecord(
            initials: "K. \(child)", birthDate: CalendarDate("2014-03-01")!, gender: "V",
            parentPseudonyms: parents.map { Pseudonym(value: $0) }),
          registeredAt: clock, endsOn: CalendarDate("2028-03-01")!)))
  }
}
