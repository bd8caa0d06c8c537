import Contract
import Crypto
import Foundation
import KafkaClient
import TestSupport

/// A realistic region: 300 organisations of the usual types, 20 professionals each, and families of 1 to 4
/// children with 1 to 5 professionals per child (most children have one or two, as in practice). Every
/// (child, professional) pair is one signal, in random order.
struct Population {
  static let organisationTypes = ["school", "jgz", "huisarts", "jeugdhulp", "veiligthuis", "politie", "leerplicht"]
  static let organisationCount = 300
  static let professionalsPerOrganisation = 20

  struct Child {
    var bsn: String
    var familyName: String
    var birthDate: String
    var gender: String
    var parents: [String]
  }

  struct SignalPlan {
    var child: Int
    var organisation: Int
    var professional: Int
  }

  let runID: String
  let keys: [Curve25519.Signing.PrivateKey]
  private(set) var children: [Child] = []
  private(set) var plans: [SignalPlan] = []
  private(set) var families = 0

  /// Builds a population with at least `signals` signals (then cut to exactly that many).
  init(signals: Int, runID: String, seed: UInt64 = 42) {
    self.runID = runID
    keys = (0..<Self.organisationCount).map { _ in Curve25519.Signing.PrivateKey() }
    var random = SeededRandom(seed: seed)
    var serial = 100_000_000
    func bsn() -> String {
      // The next number that passes the elfproef.
      while true {
        serial += 1
        let digits = String(serial).compactMap(\.wholeNumberValue)
        let sum = (0..<8).reduce(0) { $0 + (9 - $1) * digits[$1] } - digits[8]
        if sum % 11 == 0 { return String(serial) }
      }
    }
    while plans.count < signals {
      families += 1
      let parents = [bsn(), bsn()]
      let size = Self.weighted([40, 35, 18, 7], &random) + 1
      for _ in 0..<size {
        let child = Child(
          bsn: bsn(), familyName: "Gezin\(families)",
          birthDate: String(
            format: "%04d-%02d-%02d", Int.random(in: 2005...2025, using: &random),
            Int.random(in: 1...12, using: &random), Int.random(in: 1...28, using: &random)),
          gender: ["M", "V", "O"][Int.random(in: 0..<3, using: &random)],
          parents: Int.random(in: 0..<5, using: &random) == 0 ? [] : parents)
        children.append(child)
        let professionals = Self.weighted([40, 30, 15, 10, 5], &random) + 1
        var chosen = Set<Int>()
        while chosen.count < professionals {
          chosen.insert(
            Int.random(in: 0..<(Self.organisationCount * Self.professionalsPerOrganisation), using: &random))
        }
        for professional in chosen.sorted() {
          plans.append(
            SignalPlan(
              child: children.count - 1, organisation: professional / Self.professionalsPerOrganisation,
              professional: professional))
        }
      }
    }
    plans.shuffle(using: &random)
    plans.removeLast(plans.count - signals)
  }

  func organisationId(_ index: Int) -> String { "org-\(runID)-\(index)" }
  /// The professional's reference of signal `index`: the run and the index, so notices of other runs on the same
  /// topic are told apart.
  func reference(_ index: Int) -> String { "\(runID):\(index)" }

  /// The index of the signal with `reference`, if it belongs to this run.
  func index(ofReference reference: String) -> Int? {
    guard reference.hasPrefix(runID + ":") else { return nil }
    return Int(reference.dropFirst(runID.count + 1))
  }
  func professionalId(_ index: Int) -> String { "prof-\(runID)-\(index)" }
  func organisationType(_ index: Int) -> String { Self.organisationTypes[index % Self.organisationTypes.count] }

  /// The register command of signal `index`, signed by its organisation; its reference names run and index.
  func command(_ index: Int, topic: String) throws -> KafkaProducerMessage {
    let plan = plans[index]
    let child = children[plan.child]
    let organisation = organisationId(plan.organisation)
    let command = SignalCommand(
      id: "\(runID)-\(index)", source: SignalCommand.source(organisationId: organisation), type: .register,
      time: Date(),
      data: CommandData(
        professionalId: professionalId(plan.professional), reference: reference(index), informed: "withheld",
        child: ChildIdentity(
          bsn: child.bsn, familyName: child.familyName, givenNames: "Kind", birthDate: child.birthDate,
          gender: child.gender, parentBsns: child.parents)))
    return try KafkaProducerMessage.intakeCommand(
      try EventCoding.encode(command), topic: topic, organisation: organisation, signingKey: keys[plan.organisation])
  }

  /// Signal `index` as SignalIntake would publish it, pseudonymised with `pseudonymizer`.
  func event(_ index: Int, topic: String, pseudonymizer: Pseudonymizer) throws -> KafkaProducerMessage {
    let plan = plans[index]
    let child = children[plan.child]
    let pseudonym = pseudonymizer.pseudonym(for: BSN(child.bsn)!)
    let now = Date()
    let event = SignalEvent(
      eventId: StableID.make("bench", runID, String(index)), occurredAt: now, childPseudonym: pseudonym,
      change: .registered(
        SignalRegistration(
          signalId: StableID.make("bench-signal", runID, String(index)),
          organisationId: organisationId(plan.organisation),
          professionalId: professionalId(plan.professional), reference: reference(index), informed: .withheld,
          child: ChildRecord(
            initials: "K. \(child.familyName)", birthDate: CalendarDate(child.birthDate)!, gender: child.gender,
            parentPseudonyms: child.parents.map { pseudonymizer.pseudonym(for: BSN($0)!) }),
          registeredAt: now, endsOn: CalendarDate(now).adding(years: 2))))
    return KafkaProducerMessage(topic: topic, key: pseudonym.value, value: try EventCoding.encode(event))
  }

  private static func weighted(_ weights: [Int], _ random: inout SeededRandom) -> Int {
    var roll = Int.random(in: 0..<weights.reduce(0, +), using: &random)
    for (index, weight) in weights.enumerated() {
      if roll < weight { return index }
      roll -= weight
    }
    return weights.count - 1
  }
}
