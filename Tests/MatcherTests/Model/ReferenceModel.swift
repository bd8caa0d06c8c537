import Contract
import Foundation
import KafkaClient
import Rules

/// A small, obviously correct model of the matching rules in DOMAIN.md: plain dictionaries, and after every event
/// a brute-force look at every pair of active signals around the child it touched. Every decision is the
/// rulebook's (`Sources/Rules`: ``Eligibility``, ``MatchKind``, ``RegieRanking``, ``HistoricalInvolvement``), so the
/// model-based test checks the Matcher's tables and published notices against the rulebook.
struct ReferenceModel: Sendable {
  struct Signal: Sendable {
    var id: UUID
    var child: String
    var professional: String
    var organisation: String
    var organisationType: String
    var registeredAt: Date
    var status = SignalStatus.active

    var active: Bool { status == .active }
    var signaller: Signaller { Signaller(professionalId: professional, organisationId: organisation) }
    var regieCandidate: RegieCandidate {
      RegieCandidate(organisationType: organisationType, registeredAt: registeredAt, signalId: id)
    }
  }

  struct Match: Equatable, Sendable {
    var kind: MatchNotice.Kind
    var ended = false
  }

  /// Two signal ids, smaller first, as the Matcher stores them.
  struct Pair: Hashable, Comparable, Sendable {
    var a: UUID
    var b: UUID

    init(_ x: UUID, _ y: UUID) {
      (a, b) = x.uuidString < y.uuidString ? (x, y) : (y, x)
    }

    static func < (lhs: Pair, rhs: Pair) -> Bool {
      (lhs.a.uuidString, lhs.b.uuidString) < (rhs.a.uuidString, rhs.b.uuidString)
    }
  }

  /// The region's choices: the model runs with the defaults (no same-organisation or address matches).
  let rules: MatchRules
  private(set) var signals: [UUID: Signal] = [:]
  private(set) var parents: [String: Set<String>] = [:]
  /// Matches that exist now (a deleted signal takes its matches with it).
  private(set) var matches: [Pair: Match] = [:]
  /// Every match ever made, with its kind: each is published once.
  private(set) var published: [Pair: MatchNotice.Kind] = [:]
  /// For each new signal, the archived signals shown to it.
  private(set) var historical: [UUID: Set<UUID>] = [:]
  private(set) var expiredNotices: Set<UUID> = []
  private(set) var reminderNotices: Set<UUID> = []
  /// Every signal deleted (unjustified, purged or erased): each is withdrawn once.
  private(set) var withdrawn: Set<UUID> = []
  private var involvement: HistoricalInvolvement

  init(regieOrder: [String]) {
    rules = MatchRules(matchSameOrganisation: false, regieOrder: regieOrder)
    involvement = HistoricalInvolvement(eligibility: rules.eligibility)
  }

  mutating func apply(_ event: SignalEvent, types: [String: String]) {
    let child = event.childPseudonym.value
    switch event.type {
    case .registered:
      guard let r = event.registered, signals[r.signalId] == nil,
        !signals.values.contains(where: { $0.active && $0.child == child && $0.professional == r.professionalId })
      else { return }
      // Historical involvement: archived signals of other eligible professionals on the child, each shown once.
      let signaller = Signaller(professionalId: r.professionalId, organisationId: r.organisationId)
      for old in signals.values
      where involvement.concerns(status: old.status, sameChild: old.child == child, by: old.signaller, newBy: signaller)
        && involvement.show(old.id, to: r.professionalId)
      {
        historical[r.signalId, default: []].insert(old.id)
      }
      signals[r.signalId] = Signal(
        id: r.signalId, child: child, professional: r.professionalId, organisation: r.organisationId,
        organisationType: types[r.organisationId] ?? "", registeredAt: r.registeredAt)
      parents[child, default: []].formUnion(r.child.parentPseudonyms.map(\.value))
      makeMatches(around: child)
    case .ended:
      guard let ending = event.ended,
        let signal = signals.values.first(where: {
          $0.active && $0.child == child && $0.professional == ending.professionalId
        })
      else { return }
      if ending.reason == .riskEnded { archive(signal.id) } else { delete(signal.id) }
    case .expired:
      guard let id = event.expired?.signalId, signals[id]?.active == true else { return }
      archive(id)
      expiredNotices.insert(id)
    case .expiryReminder:
      guard let id = event.reminder?.signalId, signals[id]?.active == true else { return }
      reminderNotices.insert(id)
    case .purged:
      guard let id = event.purged?.signalId, signals[id]?.active == false else { return }
      delete(id)
    case .childErased:
      for signal in signals.values where signal.child == child { delete(signal.id) }
      parents[child] = nil
    case .childCorrected:
      return
    }
  }

  /// Every eligible pair of active signals where one is on `child` and the other on the same child (child match)
  /// or on a child sharing a parent (family match) is matched.
  private mutating func makeMatches(around child: String) {
    let active = signals.values.filter(\.active)
    for mine in active where mine.child == child {
      for other in active where other.id != mine.id && rules.eligibility.allows(mine.signaller, other.signaller) {
        let shareParent = !(parents[child] ?? []).isDisjoint(with: parents[other.child] ?? [])
        guard
          let rule = MatchKind.between(
            sameChild: other.child == child, shareParent: shareParent, sameAddress: false,
            matchAddress: rules.matchAddress)
        else { continue }
        let kind = MatchNotice.Kind(rawValue: rule.rawValue)!
        let pair = Pair(mine.id, other.id)
        if matches[pair] == nil {
          matches[pair] = Match(kind: kind)
          published[pair] = kind
        }
      }
    }
  }

  private mutating func archive(_ id: UUID) {
    signals[id]?.status = .archived
    for pair in matches.keys where pair.a == id || pair.b == id {
      matches[pair]?.ended = true
    }
  }

  private mutating func delete(_ id: UUID) {
    guard signals.removeValue(forKey: id) != nil else { return }
    withdrawn.insert(id)
    for pair in matches.keys where pair.a == id || pair.b == id {
      matches[pair] = nil
    }
  }

  /// Who has regie around each child with a running child match (``RegieRanking``).
  var regie: [String: UUID] {
    var result: [String: UUID] = [:]
    let running = matches.filter { $0.value.kind == .child && !$0.value.ended }.keys.flatMap { [$0.a, $0.b] }
    let candidates = Set(running).compactMap { signals[$0] }.filter(\.active)
    for (child, around) in Dictionary(grouping: candidates, by: \.child) {
      let lead = rules.regieRanking.holder(among: around, \.regieCandidate)
      result[child] = lead?.id
    }
    return result
  }
}
