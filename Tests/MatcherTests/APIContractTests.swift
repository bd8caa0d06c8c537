import Contract
import Foundation
import Registry
import ServiceKit
import TestTags
import Testing
import Yams

@testable import Matcher

/// Keeps `contract/matcher-openapi.yaml` in step with the code: every member the API writes is documented, every
/// documented member is written (by a value with every optional set), required members are always there, and
/// enums list the values written.
@Suite("The Matcher's published read API agrees with the code", .tags(.unit))
struct APIContractTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The document as plain JSON values.
  static func document() throws -> [String: Any] {
    let text = try String(
      contentsOf: root.appendingPathComponent("contract/matcher-openapi.yaml"), encoding: .utf8)
    return try #require(plain(try Yams.load(yaml: text)) as? [String: Any])
  }

  /// Yams' values with string keys.
  static func plain(_ value: Any?) -> Any? {
    switch value {
    case let dictionary as [AnyHashable: Any]:
      Dictionary(uniqueKeysWithValues: dictionary.map { ("\($0.key)", plain($0.value) ?? NSNull()) })
    case let array as [Any]: array.map { plain($0) ?? NSNull() }
    default: value
    }
  }

  /// `value` as the API writes it, read back as plain JSON.
  static func json(_ value: some Encodable) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(try EventCoding.encode(value)))
  }

  /// Every difference between `value` and `schema` (`$ref`s resolved in `document`), as `path: problem`.
  static func differences(_ value: Any, _ schema: Any?, _ path: String, in document: [String: Any]) -> [String] {
    guard var schema = schema as? [String: Any] else { return ["\(path): no schema"] }
    while let reference = schema["$ref"] as? String {
      let name = String(reference.split(separator: "/").last!)
      schema =
        ((document["components"] as? [String: Any])?["schemas"] as? [String: Any])?[name] as? [String: Any] ?? [:]
    }
    if let values = schema["enum"] as? [Any], let text = value as? String,
      !values.contains(where: { "\($0)" == text })
    {
      return ["\(path): '\(text)' is not in the enum"]
    }
    if let items = value as? [Any] {
      var problems = items.enumerated().flatMap { index, item in
        differences(item, schema["items"], "\(path)[\(index)]", in: document)
      }
      // Every documented member of an array's objects appears in at least one of them.
      if let properties = Self.properties(schema["items"], in: document) {
        let written = Set(items.compactMap { $0 as? [String: Any] }.flatMap(\.keys))
        problems += Set(properties.keys).subtracting(written).map { "\(path)[]: '\($0)' is never written" }
      }
      return problems
    }
    guard let object = value as? [String: Any], let properties = schema["properties"] as? [String: Any] else {
      return []
    }
    var problems = Set(object.keys).subtracting(properties.keys).map { "\(path): '\($0)' is not documented" }
    for required in schema["required"] as? [String] ?? [] where object[required] == nil {
      problems.append("\(path): required '\(required)' is missing")
    }
    for (key, member) in object {
      problems += differences(member, properties[key], "\(path).\(key)", in: document)
    }
    return problems
  }

  /// The properties of an object schema, `$ref`s resolved.
  static func properties(_ schema: Any?, in document: [String: Any]) -> [String: Any]? {
    guard var schema = schema as? [String: Any] else { return nil }
    while let reference = schema["$ref"] as? String {
      let name = String(reference.split(separator: "/").last!)
      schema =
        ((document["components"] as? [String: Any])?["schemas"] as? [String: Any])?[name] as? [String: Any] ?? [:]
    }
    return schema["properties"] as? [String: Any]
  }

  /// Checks that `value` (with every optional set) is exactly the documented schema `name`.
  static func expectDocumented(_ value: some Encodable, as name: String) throws {
    let document = try document()
    let written = try json(value)
    var problems = differences(written, ["$ref": "#/components/schemas/\(name)"], name, in: document)
    if let object = written as? [String: Any],
      let properties = properties(["$ref": "#/components/schemas/\(name)"], in: document)
    {
      problems += Set(properties.keys).subtracting(object.keys).map { "\(name): '\($0)' is never written" }
    }
    #expect(problems.sorted() == [], "\(name) and contract/matcher-openapi.yaml differ")
  }

  static let registry: RegistrySnapshot = {
    var registry = RegistrySnapshot()
    registry.apply(
      RegistryEvent(
        Organisation(
          id: "org-a", name: "A", type: "school", municipality: "0363", region: "r", publicKey: "k",
          coordinator: Contact(name: "C", email: "c@a.nl", phone: "1"), active: true)))
    registry.apply(
      RegistryEvent(
        Professional(id: "prof-a", organisationId: "org-a", name: "P", email: "p@a.nl", phone: "2", active: true)))
    return registry
  }()
  static let day = CalendarDate("2015-03-04")!
  static let party = InspectedParty(organisationId: "org-a", professionalId: "prof-a", in: registry)

  @Test("GET /v1/signals")
  func ownSignals() throws {
    let match = OwnMatch(
      matchId: ResourceID(UUID()), kind: .family, concerns: .otherChildOfFamily, since: Date(), endedAt: Date(),
      regie: RegieView(organisationId: "org-a", professionalId: "prof-a", reader: "prof-a", in: Self.registry),
      other: PartyContact(professionalId: "prof-a", organisationId: "org-a", in: Self.registry))
    let signal = OwnSignal(
      signalId: ResourceID(UUID()), reference: "R",
      child: OwnSignal.Child(initials: "I", birthDate: Self.day, gender: "M"),
      informed: .parentsAndChild, status: .archived, archiveReason: .riskEnded, registeredAt: Date(),
      endsOn: Self.day,
      archivedAt: Date(), matches: [match])
    try Self.expectDocumented(
      ProfessionalRoutes.Body(
        professionalId: "prof-a", organisation: OrganisationCard("org-a", in: Self.registry), signals: [signal]),
      as: "OwnSignals")
  }

  @Test("POST /v1/admin/children/inspection")
  func inspection() throws {
    let entry = LogBookEntry(
      id: 1, at: Date(), actor: "admin", action: "child.inspected", aboutChild: true, signalId: ResourceID(UUID()),
      matchId: ResourceID(UUID()), detail: .object(["found": .bool(true)]))
    let inspection = ChildInspection(
      inspectedAt: Date(),
      child: InspectedChild(
        initials: "I", birthDate: Self.day, gender: "V", municipality: "0363", municipalityName: "Amsterdam",
        firstSignalledAt: Date(), correctedAt: Date(), addressKnown: true, parentsKnown: 2),
      regie: Self.party,
      signals: [
        InspectedSignal(
          signalId: ResourceID(UUID()), by: Self.party, reference: "R",
          child: OwnSignal.Child(initials: "I", birthDate: Self.day, gender: "V"), informed: .withheld,
          municipality: "0363", status: .archived, archiveReason: .expired, registeredAt: Date(), endsOn: Self.day,
          archivedAt: Date())
      ],
      matches: [
        InspectedMatch(
          matchId: ResourceID(UUID()), kind: .address, since: Date(), endedAt: Date(),
          parties: [
            InspectedMatch.Party(signalId: ResourceID(UUID()), by: Self.party, otherChild: false),
            InspectedMatch.Party(signalId: nil, by: nil, otherChild: true),
          ], regie: Self.party)
      ],
      historicalNotices: [
        InspectedNotice(
          archivedSignalId: ResourceID(UUID()), shownTo: ProfessionalCard("prof-a", in: Self.registry), shownAt: Date())
      ],
      logBook: [entry])
    try Self.expectDocumented(inspection, as: "ChildInspection")
    try Self.expectDocumented(LogBookPage([entry], limit: 1), as: "LogBookPage")
    try Self.expectDocumented(AdminChildRoutes.Accepted(eventId: ResourceID(UUID()), stored: true), as: "EventAccepted")
  }

  @Test("the problems")
  func problem() throws {
    try Self.expectDocumented(
      ProblemDetails(
        status: .unprocessableContent, detail: "d",
        errors: [ValidationIssue(field: "child.bsn", code: "bsn.invalid", message: "m")]),
      as: "Problem")
  }
}
