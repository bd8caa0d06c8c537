import Contract
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import TestTags
import Testing

@testable import Matcher

/// The region administrator's rights requests and log book on the Matcher.
@Suite("Matcher read API: region administrator", .tags(.integration), .localStack, .serialized, .timeLimit(.minutes(3)))
struct APIAdminTests {
  static let admin: HTTPFields = [.authorization: "Bearer \(APIWorld.adminToken)", .contentType: "application/json"]

  static func post(
    _ http: any TestClientProtocol, _ uri: String, _ json: String, headers: HTTPFields = admin
  ) async throws -> TestResponse {
    try await http.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: json))
  }

  static func object(_ response: TestResponse) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as! [String: Any]
  }

  static let child = #"{"child":{"bsn":"\#(Fixture.bsnChild)"}}"#

  @Test("inspection: everything stored about the child as JSON, the other child of a family match left out")
  func inspection() async throws {
    try await APIWorld.with { world, http in
      try await Fixture.seed(world)
      let response = try await Self.post(http, "/v1/admin/children/inspection", Self.child)
      #expect(response.status == .ok)
      let body = try Self.object(response)
      let child = body["child"] as! [String: Any]
      #expect(child["initials"] as? String == "P.J. Jansen")
      #expect(child["parentsKnown"] as? Int == 2)
      #expect(child["municipalityName"] as? String == "Amsterdam")
      let signals = body["signals"] as! [[String: Any]]
      #expect(
        signals.map { $0["signalId"] as? String }
          == [Fixture.signalA, Fixture.signalB].map { $0.uuidString.lowercased() })
      #expect(
        ((signals[1]["by"] as! [String: Any])["organisation"] as! [String: Any])["name"] as? String == "JGZ Amsterdam")
      let matches = body["matches"] as! [[String: Any]]
      #expect(matches.map { $0["kind"] as? String } == ["child", "family"])
      let family = matches[1]["parties"] as! [[String: Any]]
      #expect(family.map { $0["otherChild"] as? Bool } == [false, true])
      #expect((body["regie"] as! [String: Any]).isEmpty == false)
      #expect((body["logBook"] as! [Any]).count == 2)
      let text = String(buffer: response.body)
      for hidden in ["S. Jansen", "NOORD-5", "Cor Claes", "org-c", world.pseudonym(Fixture.bsnChild), "parent-1"] {
        #expect(!text.contains(hidden), "the inspection shows \(hidden)")
      }
      let last = try await world.logBook().last!
      #expect(last.actor == "admin" && last.action == "child.inspected")
      #expect(last.child == world.pseudonym(Fixture.bsnChild))
      try await Self.expectNoBSN(world)
    }
  }

  @Test("copy: the same as a printable Dutch document, with format=text or Accept: text/plain, logged as a copy")
  func copy() async throws {
    try await APIWorld.with { world, http in
      try await Fixture.seed(world)
      let response = try await Self.post(http, "/v1/admin/children/inspection?format=text", Self.child)
      #expect(response.status == .ok)
      #expect(response.headers[.contentType] == "text/plain; charset=utf-8")
      let document = String(buffer: response.body)
      for expected in [
        "AFSCHRIFT", "P.J. Jansen", "04-03-2015", "Anna Aarts, Basisschool De Linde", "Bert Bos, JGZ Amsterdam",
        "Gezinsmatch", "een ander kind uit het gezin", "LOGBOEK",
      ] {
        #expect(document.contains(expected), "the copy lacks \(expected)")
      }
      #expect(!document.contains("Cor Claes"))
      var headers = Self.admin
      headers[.accept] = "text/plain"
      let byAccept = try await Self.post(http, "/v1/admin/children/inspection", Self.child, headers: headers)
      #expect(String(buffer: byAccept.body).contains("AFSCHRIFT"))
      let rows = try await world.logBook().suffix(2)
      #expect(rows.map(\.action) == ["child.copied", "child.copied"])
    }
  }

  @Test("archived signals and the historical involvement shown are part of the inspection and the owner's view")
  func archived() async throws {
    try await APIWorld.with { world, http in
      try await Fixture.seed(world)
      let archived = UUID()
      try await world.sql(
        """
        INSERT INTO signals (signal_id, child_pseudonym, organisation_id, organisation_type, municipality,
          professional_id, reference, child_initials, child_birth_date, child_gender, informed, status,
          archive_reason, registered_at, ends_on, archived_at)
        VALUES (\(archived), \(world.pseudonym(Fixture.bsnChild)), 'org-c', 'jeugdhulp', '0363', 'prof-c', 'NOORD-OLD',
          'P.J. Jansen', '2015-03-04', 'M', 'parents', 'archived', 'riskEnded', '2024-01-01T09:00:00Z', '2026-01-01',
          '2025-06-01T09:00:00Z')
        """)
      try await world.sql(
        "INSERT INTO historical_shown VALUES (\(archived), 'prof-a', '2026-01-10T09:00:01Z')")
      let body = try Self.object(await Self.post(http, "/v1/admin/children/inspection", Self.child))
      let signals = body["signals"] as! [[String: Any]]
      #expect(signals.first?["status"] as? String == "archived")
      #expect(signals.first?["archiveReason"] as? String == "riskEnded")
      let notices = body["historicalNotices"] as! [[String: Any]]
      #expect(notices.count == 1)
      #expect((notices.first?["shownTo"] as? [String: Any])?["name"] as? String == "Anna Aarts")
      let copy = String(
        buffer: try await Self.post(http, "/v1/admin/children/inspection?format=text", Self.child).body)
      #expect(copy.contains("gearchiveerd (zorg beëindigd) op 01-06-2025"))
      #expect(copy.contains("getoond aan Anna Aarts"))

      let own = try await http.execute(
        uri: "/v1/signals", method: .get, headers: [.authorization: "Bearer \(try world.token("prof-c", of: "org-c"))"])
      let mine = try Self.object(own)["signals"] as! [[String: Any]]
      #expect(mine.map { $0["status"] as? String } == ["archived", "active"])
      #expect(mine.first?["archivedAt"] as? String == "2025-06-01T09:00:00Z")
    }
  }

  @Test("a child without a BSN is found by family name, birth date and gender, spelled differently")
  func identity() async throws {
    try await APIWorld.with { world, http in
      let pseudonym = world.pseudonymizer.pseudonym(
        familyName: "van der Berg", birthDate: CalendarDate("2015-03-04")!, gender: "M"
      ).value
      try await Fixture.seed(world, child: pseudonym)
      let response = try await Self.post(
        http, "/v1/admin/children/inspection",
        #"{"child":{"familyName":"Van  der BERG","birthDate":"2015-03-04","gender":"M"}}"#)
      #expect(response.status == .ok)
      #expect((try Self.object(response)["signals"] as! [Any]).count == 2)
    }
  }

  @Test("nothing stored: 404, and the inspection is logged without naming the child")
  func unknownChild() async throws {
    try await APIWorld.with { world, http in
      try await Fixture.seed(world)
      let response = try await Self.post(
        http, "/v1/admin/children/inspection", #"{"child":{"bsn":"\#(Fixture.bsnUnknown)"}}"#)
      #expect(response.status == .notFound)
      #expect(response.headers[.contentType] == "application/problem+json")
      let last = try await world.logBook().last!
      #expect(last.action == "child.inspected" && last.child == nil && last.detail.contains("\"found\": false"))
    }
  }

  @Test("bad requests: 401, 403, 400 and 422 with the fields named, and no BSN in the answer")
  func badRequests() async throws {
    try await APIWorld.with { world, http in
      let uri = "/v1/admin/children/inspection"
      #expect(try await Self.post(http, uri, Self.child, headers: [:]).status == .unauthorized)
      #expect(
        try await Self.post(http, uri, Self.child, headers: [.authorization: "Bearer wrong-token"]).status
          == .forbidden)
      #expect(try await Self.post(http, uri, "{not json").status == .badRequest)
      let large = #"{"child":{"familyName":"\#(String(repeating: "x", count: 17 * 1024))"}}"#
      #expect(try await Self.post(http, uri, large).status == .contentTooLarge)
      let badBSN = try await Self.post(http, uri, #"{"child":{"bsn":"123456789"}}"#)
      #expect(badBSN.status == .unprocessableContent)
      #expect(!String(buffer: badBSN.body).contains("123456789"))
      let fields = try Self.fields(badBSN)
      #expect(fields == ["child.bsn"])
      #expect(try Self.fields(await Self.post(http, uri, "{}")) == ["child"])
      #expect(
        try Self.fields(await Self.post(http, uri, #"{"child":{"familyName":"X","birthDate":"2015-02-30"}}"#))
          == ["child.birthDate", "child.gender"])
      #expect(
        try await Self.post(http, "\(uri)?format=pdf", Self.child).status == .unprocessableContent)
      #expect(try await world.logBook().isEmpty, "a refused request was logged as a read")
      try await Self.expectNoBSN(world)
    }
  }

  @Test("correction: child.corrected on the signals topic, keyed by the pseudonym; 404 for an unknown child")
  func correction() async throws {
    try await APIWorld.with { world, http in
      try await Fixture.seed(world)
      let response = try await Self.post(
        http, "/v1/admin/children/correction",
        #"{"child":{"bsn":"\#(Fixture.bsnChild)"},"corrected":{"initials":"P.J. Janssen","birthDate":"2015-04-03","gender":"M"}}"#
      )
      #expect(response.status == .accepted)
      let eventId = try Self.object(response)["eventId"] as! String
      let unknown = try await Self.post(
        http, "/v1/admin/children/correction",
        #"{"child":{"bsn":"\#(Fixture.bsnUnknown)"},"corrected":{"initials":"A. B","birthDate":"2015-04-03","gender":"M"}}"#
      )
      #expect(unknown.status == .notFound)
      let invalid = try await Self.post(
        http, "/v1/admin/children/correction",
        #"{"child":{"bsn":"\#(Fixture.bsnChild)"},"corrected":{"initials":"","birthDate":"2099-01-01","gender":"X"}}"#)
      #expect(try Self.fields(invalid) == ["corrected.initials", "corrected.birthDate", "corrected.gender"])

      let events = try await world.publishedEvents(count: 1)
      #expect(events.count == 1)
      let (key, event) = try #require(events.first)
      #expect(key == world.pseudonym(Fixture.bsnChild))
      #expect(event.type == .childCorrected && event.eventId.uuidString.lowercased() == eventId)
      #expect(
        event.corrected
          == ChildCorrection(initials: "P.J. Janssen", birthDate: CalendarDate("2015-04-03")!, gender: "M"))
      #expect(event.rekeying == nil)
      let rows = try await world.logBook().filter { $0.action == "child.correctionRequested" }
      #expect(rows.count == 1 && rows[0].child == key && rows[0].detail.contains(eventId))
      try await Self.expectNoBSN(world)
    }
  }

  @Test("erasure: child.erased for objection or death, also when nothing is stored; the log row names no child")
  func erasure() async throws {
    try await APIWorld.with { world, http in
      try await Fixture.seed(world)
      let objection = try await Self.post(
        http, "/v1/admin/children/erasure", #"{"child":{"bsn":"\#(Fixture.bsnChild)"},"reason":"objection"}"#)
      #expect(objection.status == .accepted)
      #expect(try Self.object(objection)["stored"] as? Bool == true)
      let death = try await Self.post(
        http, "/v1/admin/children/erasure", #"{"child":{"bsn":"\#(Fixture.bsnUnknown)"},"reason":"death"}"#)
      #expect(death.status == .accepted)
      #expect(try Self.object(death)["stored"] as? Bool == false)
      let turned23 = try await Self.post(
        http, "/v1/admin/children/erasure", #"{"child":{"bsn":"\#(Fixture.bsnChild)"},"reason":"turned23"}"#)
      #expect(try Self.fields(turned23) == ["reason"])

      let events = try await world.publishedEvents(count: 2)
      #expect(events.map(\.event.type) == [.childErased, .childErased])
      #expect(events.map(\.event.erased?.reason) == [.objection, .death])
      #expect(events.map(\.key) == [world.pseudonym(Fixture.bsnChild), world.pseudonym(Fixture.bsnUnknown)])
      let rows = try await world.logBook().filter { $0.action == "child.erasureRequested" }
      #expect(rows.count == 2 && rows.allSatisfy { $0.child == nil })
      // The log lines are recorded (so that looking for a BSN in them means something).
      #expect(world.logs.text.contains("Published an erasure"))
      try await Self.expectNoBSN(world)
    }
  }

  @Test("during a key rotation a child stored under the previous key is found, and events carry the rekeying")
  func rotation() async throws {
    let previous = APIWorld.key
    let current = Array(repeating: UInt8(0x17), count: 32)
    try await APIWorld.with(previousKey: previous, currentKey: current) { world, http in
      let old = Pseudonymizer(key: previous).pseudonym(for: BSN(Fixture.bsnChild)!).value
      try await Fixture.seed(world, child: old)
      let inspection = try await Self.post(http, "/v1/admin/children/inspection", Self.child)
      #expect((try Self.object(inspection)["signals"] as! [Any]).count == 2)
      #expect(try await world.logBook().last?.child == old)
      let response = try await Self.post(
        http, "/v1/admin/children/erasure", #"{"child":{"bsn":"\#(Fixture.bsnChild)"},"reason":"objection"}"#)
      #expect(response.status == .accepted)
      let events = try await world.publishedEvents(count: 1)
      #expect(events.first?.key == world.pseudonym(Fixture.bsnChild))
      #expect(events.first?.event.rekeying?.child.value == old)
    }
  }

  @Test("the log book: pages by time and id, a search by child, and each read logged")
  func logBook() async throws {
    try await APIWorld.with { world, http in
      try await Fixture.seed(world)
      let first = try await http.execute(
        uri: "/v1/admin/log-book?from=2026-01-01&limit=2", method: .get, headers: Self.admin)
      #expect(first.status == .ok)
      let page = try Self.object(first)
      #expect(
        (page["entries"] as! [[String: Any]]).map { $0["action"] as? String } == [
          "signal.registered", "signal.registered",
        ])
      let next = try #require(page["next"] as? Int)
      let second = try Self.object(
        await http.execute(uri: "/v1/admin/log-book?limit=2&after=\(next)", method: .get, headers: Self.admin))
      // The third seeded row, and the row of the first read.
      #expect(
        (second["entries"] as! [[String: Any]]).map { $0["action"] as? String } == [
          "signal.registered", "logBook.read",
        ])
      let bounded = try Self.object(
        await http.execute(
          uri: "/v1/admin/log-book?from=2026-01-11T00:00:00Z&to=2026-01-12T00:00:00Z", method: .get,
          headers: Self.admin))
      #expect((bounded["entries"] as! [Any]).count == 1)
      #expect(
        try Self.fields(
          await http.execute(uri: "/v1/admin/log-book?from=yesterday&limit=0", method: .get, headers: Self.admin))
          == ["from", "limit"])
      #expect(try await http.execute(uri: "/v1/admin/log-book", method: .get).status == .unauthorized)

      let search = try await Self.post(http, "/v1/admin/log-book/search", #"{"child":{"bsn":"\#(Fixture.bsnChild)"}}"#)
      let entries = try Self.object(search)["entries"] as! [[String: Any]]
      #expect(
        entries.compactMap { $0["signalId"] as? String }
          == [Fixture.signalA, Fixture.signalB].map { $0.uuidString.lowercased() })
      let rows = try await world.logBook()
      #expect(rows.filter { $0.action == "logBook.read" }.count == 3)
      #expect(rows.last?.action == "logBook.searched" && rows.last?.child == world.pseudonym(Fixture.bsnChild))
      try await Self.expectNoBSN(world)
    }
  }

  /// The field names of a 422.
  static func fields(_ response: TestResponse) throws -> [String] {
    #expect(response.status == .unprocessableContent)
    let errors = try object(response)["errors"] as? [[String: Any]] ?? []
    return errors.compactMap { $0["field"] as? String }
  }

  /// No BSN the tests use is in any table or any log line.
  static func expectNoBSN(_ world: APIWorld) async throws {
    let stored = try await world.everyStoredRow()
    #expect(!stored.isEmpty)
    for bsn in [Fixture.bsnChild, Fixture.bsnSibling, Fixture.bsnUnknown, "123456789"] {
      #expect(!stored.contains(bsn), "a BSN is stored in the Matcher's database")
      #expect(!world.logs.text.contains(bsn), "a BSN is in a log line")
    }
  }
}
