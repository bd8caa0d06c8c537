import Contract
import Crypto
import Foundation
import JOSE
import KafkaClient
import Logging
import TestTags
import Testing

/// A thousand mixed records on the intake topic: every one ends as exactly one signal event or one rejection
/// (a command delivered twice yields one event), and no BSN appears on any other topic or in SignalIntake's log.
@Suite("Intake accounts for every record", .tags(.system), .localStack, .serialized)
struct IntakeAccountingTests {
  /// One record to produce, and what SignalIntake must make of it.
  struct Case {
    enum Outcome: Equatable {
      case signal(commandId: String)
      case rejection(commandId: String?)
      case duplicate
    }

    var message: KafkaProducerMessage
    var outcome: Outcome
  }

  @Test("1,000 mixed records: valid, invalid, garbage, empty, oversized, unsigned, wrongly signed, duplicates")
  func thousandMixedRecords() async throws {
    try await LocalSystem.running(["SignalIntake"]) { try await run($0) }
  }

  private func run(_ system: LocalSystem) async throws {
    let id = system.runID
    let organisation = "org-\(id)"
    let key = Curve25519.Signing.PrivateKey()
    let intruder = Curve25519.Signing.PrivateKey()
    for (path, body) in [
      (
        "organisations/\(organisation)",
        #"{"name":"School","type":"school","municipality":"0363","region":"r","publicKey":"\#(OrganisationKey.registryForm(of: key.publicKey))","coordinator":null,"active":true}"#
      ),
      (
        "professionals/prof-\(id)",
        #"{"organisationId":"\#(organisation)","name":"P","email":"p@x.example","phone":"1","active":true}"#
      ),
    ] {
      let answer = try await HTTP.request(
        "PUT", system.url("SignalIntake", "/v1/admin/\(path)"), json: body, bearer: system.adminToken)
      try #require(answer.status == 200, "PUT \(path): \(answer.body)")
    }
    let topic = system.topics["VI_TOPIC_SIGNAL_COMMANDS"]!
    var bsns: Set<String> = []
    var serial = 0

    func command(
      bsn: String, parent: String? = nil, birthDate: String = "2015-03-04", source: String? = nil
    )
      -> (String, [UInt8])
    {
      serial += 1
      bsns.insert(bsn)
      if let parent { bsns.insert(parent) }
      let commandId = "cmd-\(serial)"
      let value = try! EventCoding.encode(
        SignalCommand(
          id: commandId, source: source ?? SignalCommand.source(organisationId: organisation), type: .register,
          time: Date(),
          data: CommandData(
            professionalId: "prof-\(id)", informed: "parents",
            child: ChildIdentity(
              bsn: bsn, familyName: "Kind", givenNames: "A", birthDate: birthDate, gender: "V",
              parentBsns: parent.map { [$0] }))))
      return (commandId, value)
    }
    func record(_ value: [UInt8], signer: Curve25519.Signing.PrivateKey?, kid: String? = nil) -> KafkaProducerMessage {
      var headers = [KafkaHeader(key: "content-type", string: "application/cloudevents+json")]
      if let signer {
        let signature = try! DetachedJWS.sign(payload: value, keyID: kid ?? organisation, key: signer)
        headers.append(KafkaHeader(key: "vi-signature", string: signature))
      }
      return KafkaProducerMessage(topic: topic, key: organisation, value: value, headers: headers)
    }

    var cases: [Case] = []
    for _ in 0..<400 {
      let (commandId, value) = command(bsn: TestBSN.random(), parent: TestBSN.random())
      cases.append(Case(message: record(value, signer: key), outcome: .signal(commandId: commandId)))
    }
    for index in stride(from: 0, to: 400, by: 4) {
      cases.append(Case(message: cases[index].message, outcome: .duplicate))
    }
    for _ in 0..<100 {
      let (commandId, value) = command(bsn: TestBSN.random(), birthDate: "2099-01-01")
      cases.append(Case(message: record(value, signer: key), outcome: .rejection(commandId: commandId)))
    }
    for _ in 0..<100 {
      let garbage = (0..<Int.random(in: 1...300)).map { _ in UInt8.random(in: 0...255) }
      cases.append(Case(message: record(garbage, signer: key), outcome: .rejection(commandId: nil)))
    }
    for _ in 0..<50 {
      cases.append(Case(message: record([], signer: nil), outcome: .rejection(commandId: nil)))
    }
    for _ in 0..<50 {
      // Padded with whitespace: still JSON, so the rejection can echo the id.
      let (commandId, value) = command(bsn: TestBSN.random())
      let padded = value + Array(repeating: UInt8(ascii: " "), count: 65 * 1024)
      cases.append(Case(message: record(padded, signer: key), outcome: .rejection(commandId: commandId)))
    }
    for _ in 0..<100 {
      let (commandId, value) = command(bsn: TestBSN.random())
      cases.append(Case(message: record(value, signer: nil), outcome: .rejection(commandId: commandId)))
    }
    for _ in 0..<50 {
      let (commandId, value) = command(bsn: TestBSN.random())
      cases.append(Case(message: record(value, signer: intruder), outcome: .rejection(commandId: commandId)))
    }
    for _ in 0..<50 {
      let (commandId, value) = command(bsn: TestBSN.random(), source: "urn:vi:org:ghost-\(id)")
      cases.append(
        Case(message: record(value, signer: key, kid: "ghost-\(id)"), outcome: .rejection(commandId: commandId)))
    }
    #expect(cases.count == 1000)
    cases.shuffle()

    try await TestProducer.send(cases.map(\.message))

    let expectedSignals = cases.filter { if case .signal = $0.outcome { true } else { false } }.count
    let expectedRejections = cases.filter { if case .rejection = $0.outcome { true } else { false } }.count
    let signalsTopic = system.topics["VI_TOPIC_SIGNALS"]!
    let rejectedTopic = system.topics["VI_TOPIC_SIGNAL_COMMANDS_REJECTED"]!
    let records = try await TopicReader.read(
      [signalsTopic, rejectedTopic, system.topics["VI_TOPIC_REGISTRY"]!], timeout: .seconds(120)
    ) { records in
      records.count(where: { $0.topic == signalsTopic }) >= expectedSignals
        && records.count(where: { $0.topic == rejectedTopic }) >= expectedRejections
    }

    // Signals: exactly one per valid command, each with the signal id of its (source, id).
    let events = try records.filter { $0.topic == signalsTopic }.map {
      try EventCoding.decode(SignalEvent.self, from: $0.value)
    }
    let expectedIds = cases.compactMap { item -> UUID? in
      guard case .signal(let commandId) = item.outcome else { return nil }
      return StableID.make("signal", SignalCommand.source(organisationId: organisation), commandId)
    }
    #expect(events.count == expectedSignals)
    #expect(
      events.compactMap(\.registered?.signalId).sorted { $0.uuidString < $1.uuidString }
        == expectedIds.sorted { $0.uuidString < $1.uuidString })

    // Rejections: exactly one per bad record; those with a readable id each once.
    let rejections = try records.filter { $0.topic == rejectedTopic }.map {
      try EventCoding.decode(Rejection.self, from: $0.value)
    }
    #expect(rejections.count == expectedRejections)
    let expectedRejectedIds = cases.compactMap { item -> String? in
      guard case .rejection(let commandId?) = item.outcome else { return nil }
      return commandId
    }
    let rejectedIds = rejections.compactMap(\.commandId)
    #expect(rejectedIds.count == expectedRejectedIds.count)
    #expect(
      Set(rejectedIds) == Set(expectedRejectedIds),
      "ids missing: \(Set(expectedRejectedIds).subtracting(rejectedIds).sorted().prefix(10)), unexpected: \(Set(rejectedIds).subtracting(expectedRejectedIds).sorted().prefix(10))"
    )
    #expect(rejections.allSatisfy { !$0.errors.isEmpty })

    // No BSN outside the intake topic: not in any value, key or header of the other topics, nor in the log.
    for record in records {
      let text =
        String(decoding: record.value + (record.key ?? []), as: UTF8.self)
        + record.headers.compactMap(\.stringValue).joined()
      let leaked = bsns.first { text.contains($0) }
      #expect(leaked == nil, "a BSN appeared on \(record.topic)")
    }
    let log = try String(contentsOf: system.processes["SignalIntake"]!.log, encoding: .utf8)
    #expect(bsns.first { log.contains($0) } == nil, "a BSN appeared in SignalIntake's log")
  }
}
