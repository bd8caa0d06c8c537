import Contract
import Foundation
import KafkaClient

/// A small, obviously correct model of the matching rules in DOMAIN.md: plain dictionaries, and after every event
/// a brute-force look at every pair of active signals around the child it touched. The model-based test checks
/// the Matcher's tables and published notices against it.
struct ReferenceModel: Sendable {
  struct Signal: Sendable {
    var id: UUID
    var child: String
    var professional: String
    var organisation: String
    var organisationType: String
    var registeredAt: Date
    var active = true
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

  let regieOrder: [String]
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
  private var shown: Set<String> = []

  init(regieOrder: [String]) {
    self.regieOrder = regieOrder
  }

  mutating func apply(_ event: SignalEvent, types: [String: String]) {
    let child = event.childPseudonym.value
    switch event.type {
    case .registered:
      guard let r = event.registered, signals[r.signalId] == nil,
        !signals.values.contains(where: { $0.active && $0.child == child && $0.professional == r.professionalId })
      else { return }
      // Historical involvement: archived signals of other professionals (and organisations) on the child.
      for old in signals.values
      where !old.active && old.child == child && old.professional != r.professionalId
        && old.organisation != r.organisationId
        && shown.insert("\(old.id)|\(r.professionalId)").inserted
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

  /// Every pair of active signals of different professionals and organisations where one is on `child` and the
  /// other on the same child (child match) or on a child sharing a parent (family match) is matched.
  private mutating func makeMatches(around child: String) {
    let active = signals.values.filter(\.active)
    for mine in active where mine.child == child {
      for other in active
      where other.id != mine.id && other.professional != mine.professional
        && other.organisation != mine.organisation
      {
        let kind: MatchNotice.Kind
        if other.child == child {
          kind = .child
        } else if !(parents[child] ?? []).isDisjoint(with: parents[other.child] ?? []) {
          kind = .family
        } else {
          continue
        }
        let pair = Pair(mine.id, other.id)
        if matches[pair] == nil {
          matches[pair] = Match(kind: kind)
          published[pair] = kind
        }
      }
    }
  }

  private mutating func archive(_ id: UUID) {
    signals[id]?.active = false
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

  /// Who has regie around each child with a running child match: the best-ranked organisation type, then the
  /// first signaller.
  var regie: [String: UUID] {
    var result: [String: UUID] = [:]
    let running = matches.filter { $0.value.kind == .child && !$0.value.ended }.keys.flatMap { [$0.a, $0.b] }
    let candidates = Set(running).compactMap { signals[$0] }.filter(\.active)
    for (child, around) in Dictionary(grouping: candidates, by: \.child) {
      let lead = around.min {
        (regieOrder.firstIndex(of: $0.organisationType) ?? Int(Int32.max), $0.registeredAt, $0.id.uuidString)
          < (regieOrder.firstIndex(of: $1.organisationType) ?? Int(Int32.max), $1.registeredAt, $1.id.uuidString)
      }
      result[child] = lead?.id
    }
    return result
  }
}
