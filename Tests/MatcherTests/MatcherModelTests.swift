import Contract
import Foundation
import KafkaClient
import NIOCore
import PostgresNIO
import Registry
import TestTags
import Testing

@testable import Matcher

/// Random streams of register, end, expire, remind, purge and erase events for a few hundred children in families,
/// applied in random batches through the Matcher's applier, must leave exactly the matches, notices and regie of
/// the reference model.
@Suite("Matcher against a reference model", .tags(.integration), .localStack, .serialized)
struct MatcherModelTests {
  static let regieOrder = ["veiligthuis", "jeugdhulp", "jgz"]

  @Test("tables and published notices equal the reference model", arguments: [UInt64(1), 2])
  func modelRun(seed: UInt64) async throws {
    var stream = EventStream(seed: seed, families: 120)
    let types = stream.organisationTypes
    var snapshot = RegistrySnapshot()
    for (id, type) in types {
      snapshot.apply(
        RegistryEvent(
          Organisation(
            id: id, name: id, type: type, municipality: "GM0363", region: "r", publicKey: "", coordinator: nil,
            active: true)))
    }
    let registry = snapshot
    var generated: [[SignalEvent]] = []
    for _ in 0..<180 {
      generated.append(stream.batch(maximum: 30))
    }
    let batches = generated
    let children = Set(batches.joined().map(\.childPseudonym.value)).count
    try #require(children > 200, "the stream should touch a few hundred children, touched \(children)")
    let model = try await MatcherDatabase.with { client in
      var model = ReferenceModel(regieOrder: Self.regieOrder)
      var applier = Applier(client: client)
      applier.rules.regieOrder = Self.regieOrder
      applier.registry = registry
      for (index, batch) in batches.enumerated() {
        try await applier.apply(batch)
        for event in batch { model.apply(event, types: types) }
        if index % 60 == 59 {
          try await Self.expectTables(client, equal: model, seed: seed)
        }
      }
      try await Self.expectTables(client, equal: model, seed: seed)
      try await Self.expectNotices(client, equal: model, seed: seed)
      return model
    }
    #expect(model.published.count > 100, "the run should make many matches, made \(model.published.count)")
    #expect(model.published.values.contains(.family) && model.published.values.contains(.child))
    #expect(!model.historical.isEmpty && !model.expiredNotices.isEmpty && !model.reminderNotices.isEmpty)
    #expect(!model.withdrawn.isEmpty)
  }

  /// The matches (with kind and whether ended) and regie equal the model's.
  static func expectTables(_ client: PostgresClient, equal model: ReferenceModel, seed: UInt64) async throws {
    var stored: [ReferenceModel.Pair: ReferenceModel.Match] = [:]
    let rows = try await client.query("SELECT signal_a, signal_b, kind, ended_at IS NOT NULL FROM matches")
    for try await (a, b, kind, ended) in rows.decode((UUID, UUID, String, Bool).self) {
      stored[ReferenceModel.Pair(a, b)] = ReferenceModel.Match(kind: MatchNotice.Kind(rawValue: kind)!, ended: ended)
    }
    let missing = model.matches.keys.filter { stored[$0] == nil }.count
    let extra = stored.keys.filter { model.matches[$0] == nil }.count
    let different = model.matches.filter { stored[$0.key] != nil && stored[$0.key] != $0.value }.count
    #expect(
      missing == 0 && extra == 0 && different == 0,
      "seed \(seed): \(missing) matches missing, \(extra) too many, \(different) differ in kind or end")
    var regie: [String: UUID] = [:]
    for try await (child, signal) in try await client.query("SELECT child_pseudonym, signal_id FROM child_regie")
      .decode((String, UUID).self)
    {
      regie[child] = signal
    }
    let regieDiffers = Set(regie.keys).union(model.regie.keys).filter { regie[$0] != model.regie[$0] }
    #expect(regieDiffers.isEmpty, "seed \(seed): regie differs around \(regieDiffers.count) children")
  }

  /// Every match was published once, with its kind; historical, expiry and reminder notices went to the right
  /// signals.
  static func expectNotices(_ client: PostgresClient, equal model: ReferenceModel, seed: UInt64) async throws {
    var matchNotices: [UUID: [MatchNotice.Kind]] = [:]
    var historical: [UUID: Set<UUID>] = [:]
    var expired: [UUID] = []
    var reminded: [UUID] = []
    var withdrawn: [UUID] = []
    // The holder stored with each match is the one its notice named.
    var storedRegie: [UUID: RegieHolder] = [:]
    let regieRows = try await client.query(
      "SELECT match_id, regie_organisation_id, regie_professional_id FROM matches")
    for try await (matchId, organisation, professional) in regieRows.decode((UUID, String?, String?).self) {
      storedRegie[matchId] = RegieHolder(organisationId: organisation ?? "", professionalId: professional ?? "")
    }
    var regieDiffers = 0
    let rows = try await client.query("SELECT payload FROM outbox ORDER BY id")
    for try await payload in rows.decode(ByteBuffer.self) {
      let notice = try EventCoding.decode(NoticeEvent.self, from: Array(buffer: payload))
      switch notice.type {
      case .match:
        let match = try #require(notice.match)
        matchNotices[match.matchId, default: []].append(match.kind)
        if let stored = storedRegie[match.matchId], stored != match.regie { regieDiffers += 1 }
        #expect(match.parties.count == 2 && match.municipalityCodes == ["GM0363"])
      case .historical:
        let notice = try #require(notice.historical)
        historical[notice.recipient.signalId, default: []].formUnion(notice.archived.map(\.signalId))
      case .expired:
        expired.append(try #require(notice.expiry).recipient.signalId)
      case .expiryReminder:
        reminded.append(try #require(notice.expiry).recipient.signalId)
      case .regie:
        break
      case .withdrawn:
        withdrawn += try #require(notice.withdrawal).signalIds
      }
    }
    #expect(regieDiffers == 0, "seed \(seed): \(regieDiffers) matches store another regie than their notice named")
    #expect(storedRegie.count > 100 && !storedRegie.values.contains { $0.professionalId.isEmpty })
    let expected = Dictionary(
      uniqueKeysWithValues: model.published.map {
        (StableID.make("match", $0.key.a.uuidString, $0.key.b.uuidString), [$0.value])
      })
    let missing = expected.keys.filter { matchNotices[$0] == nil }.count
    let extra = matchNotices.keys.filter { expected[$0] == nil }.count
    let wrong = expected.filter { matchNotices[$0.key] != nil && matchNotices[$0.key] != $0.value }.count
    #expect(
      missing == 0 && extra == 0 && wrong == 0,
      "seed \(seed): \(missing) match notices missing, \(extra) unexpected, \(wrong) of the wrong kind or published twice"
    )
    let historicalDiffer = Set(historical.keys).union(model.historical.keys).filter {
      historical[$0] != model.historical[$0]
    }
    #expect(historicalDiffer.isEmpty, "seed \(seed): historical notices differ for \(historicalDiffer.count) signals")
    #expect(
      expired.count == Set(expired).count && Set(expired) == model.expiredNotices,
      "seed \(seed): \(expired.count) expiry notices, \(model.expiredNotices.count) expected")
    #expect(
      Set(reminded) == model.reminderNotices,
      "seed \(seed): reminders for \(Set(reminded).count) signals, \(model.reminderNotices.count) expected")
    #expect(
      withdrawn.count == Set(withdrawn).count && Set(withdrawn) == model.withdrawn,
      "seed \(seed): \(withdrawn.count) signals withdrawn, \(model.withdrawn.count) expected")
  }
}
