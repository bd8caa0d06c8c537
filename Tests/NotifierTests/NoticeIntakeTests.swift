import Contract
import Foundation
import KafkaClient
import TestTags
import Testing

@testable import Notifier

/// Turning a batch of records from the notices topic into deliveries.
@Suite("Reading notices", .tags(.integration), .localStack)
struct NoticeIntakeTests {
  private func record(_ value: [UInt8], offset: Int64) -> KafkaConsumerMessage {
    KafkaConsumerMessage(
      topic: "notices", partition: 0, offset: offset, key: nil, value: value, headers: [], timestampMilliseconds: nil)
  }

  @Test func unreadableRecordsAndEventsWithoutTheirPayloadAreSkipped() throws {
    let fixtures = Fixtures()
    // A match event as JSON without its `match` member: it no longer decodes.
    var broken = try #require(
      try JSONSerialization.jsonObject(with: Data(try EventCoding.encode(fixtures.match()))) as? [String: Any])
    #expect(broken.removeValue(forKey: "match") != nil)
    let batch = [
      record(Array("not json".utf8), offset: 0),
      record(Array(try JSONSerialization.data(withJSONObject: broken)), offset: 1),
      record(try EventCoding.encode(fixtures.regie), offset: 2),
    ]
    let planned = NoticeIntake.plan(batch, registry: fixtures.registry, logger: NotifierDatabase.logger)
    #expect(planned.map(\.event.eventId) == [fixtures.regie.eventId])
    #expect(
      planned.first?.deliveries.map(\.recipient.key) == [
        "professional/\(fixtures.anna)", "professional/\(fixtures.bram)", "professional/\(fixtures.carla)",
      ])
    #expect(planned.first?.deliveries.allSatisfy { $0.kind == .regie } == true)
  }

  @Test func aMatchGoesToEachPartyOnceAndToEachKnownMunicipalitysOfficer() throws {
    let fixtures = Fixtures()
    let planner = RecipientPlanner(registry: fixtures.registry, logger: NotifierDatabase.logger)
    let planned = planner.plan(fixtures.match(.family, codes: ["0363", "0599", "0000"]))
    #expect(
      planned == [
        PlannedDelivery(recipient: .professional(fixtures.anna), kind: .matchFamily),
        PlannedDelivery(recipient: .professional(fixtures.bram), kind: .matchFamily),
        PlannedDelivery(recipient: .followUpOfficer(email: "regie-\(fixtures.id)@amsterdam.test"), kind: .followUp),
        PlannedDelivery(recipient: .followUpOfficer(email: "regie-\(fixtures.id)@rotterdam.test"), kind: .followUp),
      ])
    #expect(Recipient(key: planned[2].recipient.key) == planned[2].recipient)
    #expect(Recipient(key: "professional/") == nil && Recipient(key: "someone/x") == nil)
  }
}
