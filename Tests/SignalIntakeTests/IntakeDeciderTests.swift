import Contract
import Crypto
import Foundation
import JOSE
import KafkaClient
import TestTags
import Testing

@testable import SignalIntake

@Suite("Deciding intake records: envelope, signature, validation", .tags(.unit))
struct IntakeDeciderTests {
  static let key = Curve25519.Signing.PrivateKey()
  static let otherKey = Curve25519.Signing.PrivateKey()

  static let decider: IntakeDecider = {
    var registry = Fixtures.registry
    registry.apply(
      RegistryEvent(
        Organisation(
          id: "org-1", name: "School", type: "school", municipality: "0363", region: "r",
          publicKey: OrganisationKey.registryForm(of: key.publicKey), coordinator: nil, active: true)))
    return IntakeDecider(
      validator: CommandValidator(
        registry: registry, pseudonymizer: Fixtures.validator.pseudonymizer, now: Fixtures.now))
  }()

  static func record(
    _ value: [UInt8], signedBy key: Curve25519.Signing.PrivateKey? = IntakeDeciderTests.key, kid: String = "org-1",
    contentType: String? = "application/cloudevents+json"
  ) -> KafkaConsumerMessage {
    var headers: [KafkaHeader] = []
    if let contentType { headers.append(KafkaHeader(key: "content-type", string: contentType)) }
    if let key {
      headers.append(
        KafkaHeader(key: "vi-signature", string: try! DetachedJWS.sign(payload: value, keyID: kid, key: key)))
    }
    return KafkaConsumerMessage(
      topic: "t", partition: 0, offset: 0, key: nil, value: value, headers: headers, timestampMilliseconds: nil)
  }

  static func command(
    type: String = CommandType.register.rawValue, source: String = "urn:vi:org:org-1", id: String = "c-1"
  ) -> [UInt8] {
    var command = SignalCommand(
      id: id, source: source, type: .register, time: Fixtures.now, data: Fixtures.register())
    command.type = type
    return try! EventCoding.encode(command)
  }

  static func codes(_ decision: IntakeDecision) -> [String] {
    if case .rejected(let rejection, _) = decision { return rejection.errors.map(\.code) }
    return []
  }

  @Test("a signed, valid command is accepted")
  func accepted() {
    let decision = Self.decider.decide(Self.record(Self.command()), receivedAt: Fixtures.now)
    guard case .register(_, let command) = decision else {
      Issue.record("rejected: \(Self.codes(decision))")
      return
    }
    #expect(command == CommandLedger.Key(source: "urn:vi:org:org-1", id: "c-1"))
  }

  static let rejectedRows: [(String, KafkaConsumerMessage, String)] = [
    ("empty value", record([]), "value.empty"),
    ("oversized value", record(Array(repeating: UInt8(ascii: " "), count: 70_000)), "value.tooLarge"),
    ("binary garbage", record([0xFF, 0xFE, 0x00, 0x80]), "value.encoding"),
    ("broken JSON", record(Array(#"{"specversion": "1.0", "#.utf8)), "json.invalid"),
    ("unknown type", record(command(type: "nl.verwijsindex.signal.delete.v1")), "type.unknown"),
    ("NUL in the id", record(command(id: "c\u{0}1")), "id.invalid"),
    ("bad source", record(command(source: "org-1")), "source.invalid"),
    ("unknown organisation", record(command(source: "urn:vi:org:nobody"), kid: "nobody"), "organisation.unknown"),
    ("unsigned", record(command(), signedBy: nil), "signature.missing"),
    ("signed with another key", record(command(), signedBy: otherKey), "signature.invalid"),
    ("signed for another organisation", record(command(), kid: "org-2"), "signature.kid"),
    ("no content-type", record(command(), contentType: nil), "contentType"),
  ]

  @Test("every kind of bad record becomes a rejection with its code", arguments: rejectedRows)
  func rejected(_ row: (String, KafkaConsumerMessage, String)) {
    let codes = Self.codes(Self.decider.decide(row.1, receivedAt: Fixtures.now))
    #expect(codes.contains(row.2), "\(row.0): \(codes)")
  }

  @Test("a tampered value no longer matches its signature")
  func tampered() {
    var record = Self.record(Self.command())
    record.value[record.value.count - 2] ^= 1
    let codes = Self.codes(Self.decider.decide(record, receivedAt: Fixtures.now))
    #expect(codes.contains("signature.invalid") || codes.contains("json.invalid"))
  }
}
