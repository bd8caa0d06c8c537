import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import TestTags
import Testing

@testable import Matcher

/// `GET /v1/signals`: a professional's own signals and matches, and nothing else.
@Suite("Matcher read API: professionals", .tags(.integration), .localStack, .serialized, .timeLimit(.minutes(2)))
struct APIProfessionalTests {
  @Test("a professional sees their own signals with each match's contact details, and nothing about other children")
  func ownSignals() async throws {
    try await APIWorld.with { world, http in
      try await Fixture.seed(world)
      let response = try await http.execute(
        uri: "/v1/signals", method: .get, headers: [.authorization: "Bearer \(try world.token("prof-a", of: "org-a"))"])
      #expect(response.status == .ok)
      #expect(response.headers[.cacheControl] == "no-store")
      let body = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as! [String: Any]
      let signals = body["signals"] as! [[String: Any]]
      #expect(signals.map { $0["signalId"] as? String } == [Fixture.signalA.uuidString.lowercased()])
      #expect(signals[0]["reference"] as? String == "LEERLING-17")
      let matches = signals[0]["matches"] as! [[String: Any]]
      #expect(matches.map { $0["kind"] as? String } == ["child", "family"])
      #expect(matches.map { $0["concerns"] as? String } == ["sameChild", "otherChildOfFamily"])
      let bert = (matches[0]["other"] as! [String: Any])["professional"] as! [String: Any]
      #expect(bert["email"] as? String == "bert@jgz.nl")
      #expect(((matches[0]["regie"] as! [String: Any])["you"] as? Bool) == true)
      let cor = (matches[1]["other"] as! [String: Any])["professional"] as! [String: Any]
      #expect(cor["name"] as? String == "Cor Claes")

      let text = String(buffer: response.body)
      // Never the other party's reference, never the sibling, never b's unrelated signal.
      for hidden in ["JGZ-CLIENT-99", "NOORD-5", "S. Jansen", "2017-05-06", "JGZ-OTHER-1", "O. Ander"] {
        #expect(!text.contains(hidden), "the response shows \(hidden)")
      }
      #expect(!text.contains(Fixture.signalB.uuidString.lowercased()))
      #expect(!text.contains(world.pseudonym(Fixture.bsnChild)))

      // b sees the child's other signal and b's unrelated one; a's coordinator comes with a's contact details.
      let asB = try await http.execute(
        uri: "/v1/signals", method: .get, headers: [.authorization: "Bearer \(try world.token("prof-b", of: "org-b"))"])
      let bText = String(buffer: asB.body)
      #expect(bText.contains("coco@linde.nl"))
      #expect(bText.contains("JGZ-CLIENT-99") && bText.contains("JGZ-OTHER-1"))
      #expect(!bText.contains("LEERLING-17"))
    }
  }

  @Test("every read is in the log book: a row per signal shown, or one row when there is none")
  func readsAreLogged() async throws {
    try await APIWorld.with { world, http in
      try await Fixture.seed(world)
      let before = try await world.logBook().count
      _ = try await http.execute(
        uri: "/v1/signals", method: .get, headers: [.authorization: "Bearer \(try world.token("prof-b", of: "org-b"))"])
      let rows = try await world.logBook().dropFirst(before)
      #expect(rows.map(\.actor) == ["prof-b", "prof-b"])
      #expect(rows.map(\.action) == ["signals.read", "signals.read"])
      #expect(Set(rows.compactMap(\.signal)) == [Fixture.signalB, Fixture.signalB2])
      #expect(rows.first?.child == world.pseudonym(Fixture.bsnChild))

      try await world.sql("DELETE FROM signals")
      _ = try await http.execute(
        uri: "/v1/signals", method: .get, headers: [.authorization: "Bearer \(try world.token("prof-c", of: "org-c"))"])
      let last = try await world.logBook().last
      #expect(last?.actor == "prof-c" && last?.action == "signals.read" && last?.child == nil)
    }
  }

  @Test("no token, a bad or expired one, or another organisation's professional: 401 or 403, and nothing is read")
  func authentication() async throws {
    try await APIWorld.with { world, http in
      try await Fixture.seed(world)
      func status(_ authorization: String?) async throws -> HTTPResponse.Status {
        var headers = HTTPFields()
        if let authorization { headers[.authorization] = authorization }
        return try await http.execute(uri: "/v1/signals", method: .get, headers: headers).status
      }
      let before = try await world.logBook().count
      let noToken = try await http.execute(uri: "/v1/signals", method: .get)
      #expect(noToken.status == .unauthorized)
      #expect(noToken.headers[.wwwAuthenticate] == "Bearer")
      #expect(noToken.headers[.contentType] == "application/problem+json")
      #expect(try await status("Bearer not-a-jwt") == .unauthorized)
      #expect(try await status("Basic YTpi") == .unauthorized)
      // Signed with another organisation's key.
      #expect(try await status("Bearer \(try world.token("prof-a", of: "org-a", signedBy: "org-b"))") == .unauthorized)
      // Expired.
      let old = Date().addingTimeInterval(-3600)
      #expect(try await status("Bearer \(try world.token("prof-a", of: "org-a", now: old))") == .unauthorized)
      // An unknown organisation.
      #expect(try await status("Bearer \(try world.token("prof-a", of: "org-x", signedBy: "org-a"))") == .unauthorized)
      // org-a's token for b, a professional of org-b: 403.
      #expect(try await status("Bearer \(try world.token("prof-b", of: "org-a"))") == .forbidden)
      // An unknown and an inactive professional.
      #expect(try await status("Bearer \(try world.token("prof-z", of: "org-a"))") == .forbidden)
      #expect(try await status("Bearer \(try world.token("prof-off", of: "org-a"))") == .forbidden)
      #expect(try await world.logBook().count == before, "a refused request read something")
    }
  }
}
