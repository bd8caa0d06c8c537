import Contract
import Foundation
import TestTags
import Testing

@testable import Matcher

/// The log book's vocabulary stays what the rows already written say: the action names, and the detail members
/// each writer wrote before the rows were typed (the matching code as JSON literals, the API as JSON trees).
@Suite("The log book's actions and details", .tags(.unit))
struct LogBookRowTests {
  @Test("the actions are the names the log book has always had")
  func actionNames() {
    #expect(
      LogBookAction.allCases.map(\.rawValue) == [
        "signal.registered", "signal.ended", "signal.deleted", "signal.expired", "signal.purged", "match.made",
        "regie.moved", "historical.shown", "child.erased", "child.corrected", "child.inspected", "child.copied",
        "child.correctionRequested", "child.erasureRequested", "logBook.read", "logBook.searched", "signals.read",
      ])
  }

  @Test("the matching code's details are the JSON it wrote as literals")
  func matchingDetails() throws {
    let signal = UUID()
    let cases: [(LogBookDetail, String)] = [
      (LogBookDetail(), "{}"),
      (LogBookDetail(organisationId: #"org "1"/a"#), #"{"organisationId":"org \"1\"\/a"}"#),
      (LogBookDetail(archived: true), #"{"archived":true}"#),
      (LogBookDetail(unjustified: true), #"{"unjustified":true}"#),
      (LogBookDetail(archivedSignals: 3), #"{"archivedSignals":3}"#),
      (LogBookDetail(reason: .turned23), #"{"reason":"turned23"}"#),
      (
        LogBookDetail(kind: .address, otherSignalId: signal),
        #"{"kind":"address","otherSignalId":"\#(signal)"}"#
      ),
    ]
    for (detail, literal) in cases {
      let written = try EventCoding.decode(JSONTree.self, from: try EventCoding.encode(detail))
      #expect(written == (try EventCoding.decode(JSONTree.self, from: Array(literal.utf8))), "\(literal)")
    }
  }

  @Test("the API's details are the JSON trees it wrote")
  func apiDetails() throws {
    let event = UUID()
    let from = Date(timeIntervalSince1970: 1_777_622_400)
    let to = from.addingTimeInterval(86_400)
    let cases: [(LogBookDetail, [String: JSONTree])] = [
      (LogBookDetail(found: false, signals: 0), ["found": .bool(false), "signals": .number(0)]),
      (LogBookDetail(eventId: event), ["eventId": .string(event.uuidString.lowercased())]),
      (
        LogBookDetail(reason: .objection, eventId: event, stored: true),
        ["eventId": .string(event.uuidString.lowercased()), "reason": .string("objection"), "stored": .bool(true)]
      ),
      (
        LogBookDetail(limit: 100, from: from, to: to, after: 7, entries: 2),
        [
          "limit": .number(100), "from": .string(from.formatted(.iso8601)), "to": .string(to.formatted(.iso8601)),
          "after": .number(7), "entries": .number(2),
        ]
      ),
      (LogBookDetail(limit: 5, entries: 0), ["limit": .number(5), "entries": .number(0)]),
      (
        LogBookDetail(organisationId: "org-1", matches: 2),
        ["organisationId": .string("org-1"), "matches": .number(2)]
      ),
    ]
    for (detail, tree) in cases {
      let written = try EventCoding.decode(JSONTree.self, from: try EventCoding.encode(detail))
      #expect(written == .object(tree), "\(tree)")
    }
  }

  @Test("a range's detail names what was asked for and how many rows were shown")
  func rangeDetail() {
    var issues = FieldIssues()
    let range = LogBookRange(from: "2026-05-01T08:00:00Z", to: nil, after: "12", limit: "50", into: &issues)
    #expect(issues.isEmpty)
    #expect(
      range.detail(entries: 3)
        == LogBookDetail(limit: 50, from: Date(timeIntervalSince1970: 1_777_622_400), after: 12, entries: 3))
  }
}
