import Contract
import Crypto
import Foundation
import JOSE
import KafkaClient
import Logging
import PostgresNIO
import TestTags
import Testing

/// The walking skeleton, end to end, with the four real service processes, the real broker, PostgreSQL and SMTP:
/// a signal over HTTP and one straight onto the intake topic become a match, two e-mails, and, two years later, an
/// expiry that the Matcher applies. Fails when any one service is not running.
@Suite("Skeleton flow through all four services", .tags(.system), .localStack, .serialized)
struct SkeletonFlowTests {
  @Test("HTTP signal + Kafka command → match → two e-mails → expiry applied")
  func signalToMailToExpiry() async throws {
    // VI_SYSTEM_TEST_WITHOUT=<service> leaves one service out, to show that the test then fails.
    let without = ProcessInfo.processInfo.environment["VI_SYSTEM_TEST_WITHOUT"]
    try await LocalSystem.running(LocalSystem.services.filter { $0 != without }) { try await run($0) }
  }

  private func run(_ system: LocalSystem) async throws {
    let id = system.runID
    let (anna, bram, schoolKey, jgzKey) = try await system.seedDemoRegistry()

    // Professional A of organisation 1 signals over HTTP.
    let child =
      #"{"bsn":"111222333","familyName":"Jansen","givenNames":"Pieter Jan","birthDate":"2015-05-01","gender":"M"}"#
    let token = try BearerToken.mint(
      issuer: "school-\(id)", subject: "anna-\(id)", lifetime: 300, now: Date(), key: schoolKey)
    let answer = try await HTTP.request(
      "POST", system.url("SignalIntake", "/v1/signals"),
      json: #"{"professionalId":"anna-\#(id)","reference":"A-1","informed":"parents","child":\#(child)}"#,
      bearer: token)
    #expect(answer.status == 202, "POST /v1/signals answered \(answer.status): \(answer.body)")
    // Registering again while the first signal is active answers with the same signal.
    let again = try await HTTP.request(
      "POST", system.url("SignalIntake", "/v1/signals"),
      json: #"{"professionalId":"anna-\#(id)","reference":"A-1","informed":"parents","child":\#(child)}"#,
      bearer: token)
    #expect(again.status == 202 && again.body == answer.body, "a second registration answered \(again.body)")

    // Organisation 2's source system produces a register command for the same child onto the intake topic.
    try await produceCommand(system, organisation: "jgz-\(id)", professional: "bram-\(id)", key: jgzKey)

    // The Notifier e-mails both professionals, each naming the other; no BSN in either.
    let mails = await eventually(timeout: .seconds(90)) { () -> [ReceivedMail]? in
      let found = ReceivedMail.all(in: TestEnvironment.mailDirectory, to: [anna, bram])
      return found.count >= 2 ? found : nil
    }
    guard let mails else {
      Issue.record("expected two e-mails; Notifier log:\n\(system.processes["Notifier"]?.tail ?? "(not running)")")
      return
    }
    #expect(mails.count == 2)
    let toAnna = try #require(mails.first { $0.envelopeTo.contains(anna) })
    let toBram = try #require(mails.first { $0.envelopeTo.contains(bram) })
    #expect(toAnna.body.contains("Bram Bakker") && toAnna.body.contains(bram))
    #expect(toBram.body.contains("Anna de Vries") && toBram.body.contains(anna))
    #expect(toAnna.body.contains("P.J. Jansen") && toAnna.body.contains("A-1"))
    for mail in mails {
      #expect(!mail.body.contains("111222333"), "an e-mail contains the BSN")
    }

    // Retention, run once two years on, emits the two expiries; the Matcher archives both signals and ends the match.
    let asOf = CalendarDate(Date()).adding(years: 2).description
    let planned = await eventually(timeout: .seconds(30)) { () -> String? in
      let dry = try? await system.runRetention(["run-once", "--as-of", asOf, "--dry-run"])
      return dry.flatMap { $0.output.contains(": 2 due") ? $0.output : nil }
    }
    #expect(planned != nil, "Retention's projection did not show the two signals")
    let run = try await system.runRetention(["run-once", "--as-of", asOf])
    #expect(run.status == 0 && run.output.contains(": 2 due"), "run-once said: \(run.output)")

    let archived = await eventually(timeout: .seconds(30)) { () -> Bool? in
      let counts = try? await system.withDatabase("Matcher") { client -> (Int, Int) in
        let rows = try await client.query(
          """
          SELECT (SELECT count(*) FROM signals WHERE status = 'archived')::int,
                 (SELECT count(*) FROM matches WHERE ended_at IS NOT NULL)::int
          """)
        for try await (signals, matches) in rows.decode((Int, Int).self) { return (signals, matches) }
        return (0, 0)
      }
      return counts.map { $0 == (2, 1) } == true ? true : nil
    }
    #expect(archived == true, "the Matcher did not archive both signals and end the match")
    let second = try await system.runRetention(["run-once", "--as-of", asOf])
    #expect(second.output.contains(": 0 due"), "a second run emitted again: \(second.output)")

    // The registry reached the Matcher's and the Notifier's own databases through the registry topic.
    for service in ["Matcher", "Notifier"] {
      let replicated = await eventually(timeout: .seconds(20)) { () -> Bool? in
        let count = try? await system.withDatabase(service) { client -> Int in
          let rows = try await client.query("SELECT count(*)::int FROM registry_entries")
          for try await count in rows.decode(Int.self) { return count }
          return 0
        }
        return count == 5 ? true : nil
      }
      #expect(replicated == true, "the registry did not reach the \(service)")
    }

    // No service logged the BSN.
    for process in system.processes.values {
      let log = try String(contentsOf: process.log, encoding: .utf8)
      #expect(!log.contains("111222333"), "\(process.name) logged the BSN")
    }
  }

  private func produceCommand(
    _ system: LocalSystem, organisation: String, professional: String, key: Curve25519.Signing.PrivateKey
  ) async throws {
    let command = SignalCommand(
      id: "cmd-1", source: SignalCommand.source(organisationId: organisation), type: .register, time: Date(),
      data: CommandData(
        professionalId: professional, reference: "B-7", informed: "parents",
        child: ChildIdentity(
          bsn: "111222333", familyName: "Jansen", givenNames: "Pieter Jan", birthDate: "2015-05-01", gender: "M")))
    try await TestProducer.send([
      try KafkaProducerMessage.intakeCommand(
        try EventCoding.encode(command), topic: system.topics["VI_TOPIC_SIGNAL_COMMANDS"]!, organisation: organisation,
        signingKey: key)
    ])
  }
}
