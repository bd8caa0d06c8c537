import Contract
import Crypto
import Foundation
import JOSE
import PostgresNIO
import TestTags
import Testing

/// The lifecycle through the four real processes: Retention, run once at the reminder date, the end date, a child's
/// 23rd birthday and five years after the end, emits what falls due; the Matcher applies it and the Notifier e-mails
/// the reminder and the expiry notice. Every run's dry run first shows exactly what the run then emits.
@Suite("Retention lifecycle through all four services", .tags(.system), .localStack, .serialized)
struct RetentionChainTests {
  @Test("reminder → expiry → erasure at 23 → purge, applied by the Matcher, e-mailed by the Notifier")
  func lifecycle() async throws {
    try await LocalSystem.running { try await run($0) }
  }

  private func run(_ system: LocalSystem) async throws {
    let (anna, bram, schoolKey, jgzKey) = try await system.seedDemoRegistry()

    // Child A (turns 23 in 2038) is signalled by both; child B turns 23 within the five years of the archive.
    let today = CalendarDate(Date())
    let childA = TestBSN.random()
    let childB = TestBSN.random()
    let bBirth = today.adding(years: -18)
    let bTurns23 = bBirth.adding(years: 23)
    try await signal(
      system, professional: "anna", organisation: "school", key: schoolKey, bsn: childA, born: "2015-05-01")
    try await signal(system, professional: "bram", organisation: "jgz", key: jgzKey, bsn: childA, born: "2015-05-01")
    try await signal(
      system, professional: "anna", organisation: "school", key: schoolKey, bsn: childB, born: "\(bBirth)")
    let ready = await eventually(timeout: .seconds(60)) { () -> Bool? in
      try? await matcherCount(system, "SELECT count(*)::int FROM signals WHERE status = 'active'") == 3 ? true : nil
    }
    try #require(ready == true, "the Matcher did not get the three signals")

    // The reminder, 28 days before the end date: both professionals are reminded of each of their signals.
    let endsOn = today.adding(years: 2)
    let reminderDay = CalendarDate(CalendarDate.amsterdam.date(byAdding: .day, value: -28, to: noon(endsOn))!)
    try await runRetention(system, on: reminderDay, expecting: ["reminder": 3])
    let reminders = await mails(to: [anna, bram], containing: "loopt af op", count: 3)
    #expect(reminders.count == 3, "reminder e-mails: \(reminders.count)")
    #expect(try await matcherCount(system, "SELECT count(*)::int FROM signals WHERE status = 'active'") == 3)

    // The end date: the three signals expire; the Matcher archives them and each professional gets the notice.
    try await runRetention(system, on: endsOn, expecting: ["expiry": 3])
    let archived = await eventually(timeout: .seconds(30)) { () -> Bool? in
      try? await matcherCount(system, "SELECT count(*)::int FROM signals WHERE status = 'archived'") == 3 ? true : nil
    }
    #expect(archived == true, "the Matcher did not archive the three signals")
    let notices = await mails(to: [anna, bram], containing: "twee jaar nadat u het afgaf", count: 3)
    #expect(notices.count == 3, "expiry e-mails: \(notices.count)")

    // Child B's 23rd birthday: everything about it goes, archive included.
    try await runRetention(system, on: bTurns23, expecting: ["erasure": 1])
    let erased = await eventually(timeout: .seconds(30)) { () -> Bool? in
      let left = try? await matcherCount(
        system, "SELECT (SELECT count(*) FROM signals)::int + (SELECT count(*) FROM children)::int")
      return left == 3 ? true : nil
    }
    #expect(erased == true, "the Matcher did not erase the child at 23 (expected 2 signals and 1 child left)")

    // Five years in the archive: child A's two signals are purged.
    try await runRetention(system, on: endsOn.adding(years: 5), expecting: ["purge": 2])
    let purged = await eventually(timeout: .seconds(30)) { () -> Bool? in
      try? await matcherCount(system, "SELECT count(*)::int FROM signals") == 0 ? true : nil
    }
    #expect(purged == true, "the Matcher did not purge the archived signals")

    // Nothing is emitted twice: another run at the last date finds nothing, and no reminder or notice came twice.
    let again = try await system.runRetention(["run-once", "--as-of", endsOn.adding(years: 5).description])
    #expect(again.output.contains(": 0 due"), "a second run emitted again: \(again.output)")
    try await Task.sleep(for: .seconds(3))
    let all = ReceivedMail.all(in: TestEnvironment.mailDirectory, to: [anna, bram])
    #expect(all.filter { $0.body.contains("loopt af op") }.count == 3, "a reminder was e-mailed twice")
    #expect(all.filter { $0.body.contains("twee jaar nadat u het afgaf") }.count == 3, "an expiry was e-mailed twice")
  }

  /// Waits until Retention's projection shows what falls due on `day`, checks the dry run lists exactly that, runs
  /// for real and checks it emitted the same items.
  private func runRetention(_ system: LocalSystem, on day: CalendarDate, expecting counts: [String: Int]) async throws {
    let total = counts.values.reduce(0, +)
    let dry = await eventually(timeout: .seconds(30)) { () -> [String]? in
      guard let run = try? await system.runRetention(["run-once", "--as-of", day.description, "--dry-run"]) else {
        return nil
      }
      let lines = reportLines(run.output)
      return lines.first == "\(total) due" ? lines : nil
    }
    let planned = try #require(dry, "Retention's dry run on \(day) did not show \(total) items due")
    for (kind, count) in counts {
      #expect(planned.contains("  \(kind): \(count)"), "dry run on \(day): \(planned)")
    }
    let real = try await system.runRetention(["run-once", "--as-of", day.description])
    #expect(real.status == 0)
    #expect(reportLines(real.output) == planned, "the real run on \(day) differs from its dry run")
  }

  /// The report's lines after its date, without log lines (count line first, then kinds, then items).
  private func reportLines(_ output: String) -> [String] {
    let lines = output.split(separator: "\n").map(String.init)
    guard let start = lines.lastIndex(where: { $0.hasPrefix("Retention as of ") }) else { return [] }
    let header = lines[start]
    let count = header.split(separator: ": ").last.map(String.init) ?? ""
    return [count] + lines[(start + 1)...].filter { $0.hasPrefix("  ") || $0.contains(" event ") }
  }

  private func mails(to recipients: Set<String>, containing text: String, count: Int) async -> [ReceivedMail] {
    await eventually(timeout: .seconds(60)) { () -> [ReceivedMail]? in
      let found = ReceivedMail.all(in: TestEnvironment.mailDirectory, to: recipients).filter {
        $0.body.contains(text)
      }
      return found.count >= count ? found : nil
    } ?? ReceivedMail.all(in: TestEnvironment.mailDirectory, to: recipients).filter { $0.body.contains(text) }
  }

  private func matcherCount(_ system: LocalSystem, _ sql: String) async throws -> Int {
    try await system.withDatabase("Matcher") { client in
      let rows = try await client.query(PostgresQuery(unsafeSQL: sql))
      for try await count in rows.decode(Int.self) { return count }
      return 0
    }
  }

  private func noon(_ day: CalendarDate) -> Date {
    CalendarDate.amsterdam.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12))!
  }

  private func signal(
    _ system: LocalSystem, professional: String, organisation: String, key: Curve25519.Signing.PrivateKey,
    bsn: String, born: String
  ) async throws {
    let id = system.runID
    let token = try BearerToken.mint(
      issuer: "\(organisation)-\(id)", subject: "\(professional)-\(id)", lifetime: 300, now: Date(), key: key)
    let child = #"{"bsn":"\#(bsn)","familyName":"Jansen","givenNames":"Pieter","birthDate":"\#(born)","gender":"M"}"#
    let informed = CalendarDate(born)!.age(on: CalendarDate(Date())) >= 16 ? "child" : "parents"
    let answer = try await HTTP.request(
      "POST", system.url("SignalIntake", "/v1/signals"),
      json:
        #"{"professionalId":"\#(professional)-\#(id)","reference":"R-1","informed":"\#(informed)","child":\#(child)}"#,
      bearer: token)
    try #require(answer.status == 202, "POST /v1/signals answered \(answer.status): \(answer.body)")
  }
}
