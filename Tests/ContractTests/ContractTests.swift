import Contract
import Foundation
import TestTags
import Testing

/// Keeps the published contract (`contract/openapi.yaml`, `contract/signal-command.schema.json`) in step with the
/// code: enums, field names, examples, limits, and the definitions the two documents share.
///
/// The limits are SignalIntake's validator's (`CommandValidator` and `CommandDecoder`, internal to an executable
/// target), written here as literals: `maximumReferenceLength` 64, `maximumIdLength` 64, `maximumNameLength` 200,
/// `maximumParents` 4, the house number addition's 10, the genders M/V/O, and the command id's 128.
@Suite("The published contract agrees with the code", .tags(.unit))
struct ContractTests {
  private typealias Documents = ContractDocuments

  /// The definitions both documents have, under the same name.
  private static let shared = [
    "RegisterData", "EndData", "ProfessionalId", "Informed", "EndReason", "ChildIdentity", "BSN", "Address",
  ]

  /// A command data value with every field set.
  private static let fullData = CommandData(
    professionalId: "prof-1", reference: "R-1", informed: Informed.parents.rawValue,
    child: ChildIdentity(
      bsn: "111222333", familyName: "Jansen", givenNames: "Pieter", birthDate: "2015-05-01", gender: "M",
      parentBsns: ["123456782"], address: Address(postcode: "1234AB", houseNumber: "1", houseNumberAddition: "A")),
    reason: EndReason.riskEnded.rawValue)

  /// Both documents' definitions, by name: OpenAPI's `components.schemas` and the JSON Schema's `$defs`.
  private static func definitions() throws -> [(document: String, schemas: [String: Any])] {
    [
      (
        "openapi.yaml",
        try #require(Documents.value(try Documents.openAPI(), "components", "schemas") as? [String: Any])
      ),
      ("signal-command.schema.json", try #require(try Documents.commandSchema()["$defs"] as? [String: Any])),
    ]
  }

  @Test("the enums list exactly the code's cases")
  func enums() throws {
    for (document, schemas) in try Self.definitions() {
      #expect(
        Documents.value(schemas, "Informed", "enum") as? [String] == Informed.allCases.map(\.rawValue), "\(document)")
      #expect(
        Documents.value(schemas, "EndReason", "enum") as? [String] == EndReason.allCases.map(\.rawValue),
        "\(document)")
      #expect(
        Documents.value(schemas, "ChildIdentity", "properties", "gender", "enum") as? [String] == ["M", "V", "O"])
    }
    let schema = try Documents.commandSchema()
    #expect(Documents.value(schema, "properties", "type", "enum") as? [String] == CommandType.allCases.map(\.rawValue))
    let branches = try #require(schema["allOf"] as? [Any]).compactMap {
      Documents.value($0, "if", "properties", "type", "const") as? String
    }
    #expect(Set(branches) == Set(CommandType.allCases.map(\.rawValue)), "an if/then branch for every command type")
  }

  @Test("the 422 codes of the document are exactly the validator's, each once")
  func validationCodes() throws {
    let documented = try Documents.validationCodes()
    #expect(documented.count == Set(documented).count, "a code listed twice: \(documented)")
    #expect(Set(documented) == Set(ValidationCode.allCases.map(\.rawValue)))
    let example = Documents.value(
      try Documents.openAPI(), "components", "responses", "UnprocessableContent", "content",
      "application/problem+json", "example", "errors", "0", "code")
    #expect((example as? String).flatMap(ValidationCode.init(rawValue:)) == .bsnInvalid)
  }

  @Test("every field of the command data is in the documents, and nothing else")
  func commandDataFields() throws {
    let data = Self.fullData
    let child = try #require(data.child)
    for (document, schemas) in try Self.definitions() {
      let top = Documents.propertyNames(schemas["RegisterData"]).union(Documents.propertyNames(schemas["EndData"]))
      #expect(top == (try Documents.encodedKeys(data)), "\(document): RegisterData ∪ EndData")
      #expect(
        Documents.propertyNames(schemas["ChildIdentity"]) == (try Documents.encodedKeys(child)),
        "\(document): ChildIdentity")
      #expect(
        Documents.propertyNames(schemas["Address"]) == (try Documents.encodedKeys(try #require(child.address))),
        "\(document): Address")
    }
    let command = SignalCommand(id: "c", source: "urn:vi:org:o", type: .register, time: Date(), data: data)
    #expect(Documents.propertyNames(try Documents.commandSchema()) == (try Documents.encodedKeys(command)))
  }

  @Test("the admin bodies, registry changes and problems have the code's fields")
  func otherFields() throws {
    let schemas = try #require(Documents.value(try Documents.openAPI(), "components", "schemas") as? [String: Any])
    let contact = Contact(name: "C", email: "c@example.org", phone: "1")
    let organisation = Organisation(
      id: "o", name: "O", type: "school", municipality: "0363", region: "r", publicKey: "k", coordinator: contact,
      active: true)
    let professional = Professional(
      id: "p", organisationId: "o", name: "P", email: "p@example.org", phone: "1", active: true)
    let municipality = Municipality(code: "0363", name: "Amsterdam", followUpEmail: "r@example.org")
    #expect(
      Documents.propertyNames(schemas["OrganisationBody"]).union(["id"]) == (try Documents.encodedKeys(organisation)))
    #expect(
      Documents.propertyNames(schemas["ProfessionalBody"]).union(["id"]) == (try Documents.encodedKeys(professional)))
    #expect(
      Documents.propertyNames(schemas["MunicipalityBody"]).union(["code"]) == (try Documents.encodedKeys(municipality)))
    #expect(Documents.propertyNames(schemas["Contact"]) == (try Documents.encodedKeys(contact)))
    #expect(
      Documents.propertyNames(schemas["OrganisationChange"]) == (try Documents.encodedKeys(RegistryEvent(organisation)))
    )
    #expect(
      Documents.propertyNames(schemas["ProfessionalChange"]) == (try Documents.encodedKeys(RegistryEvent(professional)))
    )
    #expect(
      Documents.propertyNames(schemas["MunicipalityChange"]) == (try Documents.encodedKeys(RegistryEvent(municipality)))
    )
    #expect(
      Documents.propertyNames(schemas["ValidationIssue"])
        == (try Documents.encodedKeys(ValidationIssue(field: "f", code: "c", message: "m"))))
  }

  @Test("the examples decode with the Swift types and encode back to the same JSON")
  func examples() throws {
    let openAPI = try Documents.openAPI()
    for (path, name) in [("/v1/signals", "withBsn"), ("/v1/signals", "withoutBsn"), ("/v1/signals/end", "riskEnded")] {
      let example = try #require(
        Documents.value(
          openAPI, "paths", path, "post", "requestBody", "content", "application/json", "examples", name, "value"),
        "\(path) example \(name)")
      try Self.expectRoundTrip(example, as: CommandData.self, "\(path) \(name)")
    }
    let admin = [
      ("/v1/admin/organisations/{id}", "id", Organisation.self as any Codable.Type),
      ("/v1/admin/professionals/{id}", "id", Professional.self),
      ("/v1/admin/municipalities/{code}", "code", Municipality.self),
    ]
    for (path, key, type) in admin {
      var example = try #require(
        Documents.value(openAPI, "paths", path, "put", "requestBody", "content", "application/json", "example")
          as? [String: Any], "\(path) example")
      example[key] = "x-1"
      try Self.expectRoundTrip(example, as: type, path)
    }
    let accepted = Documents.value(
      openAPI, "paths", "/v1/signals", "post", "responses", "202", "content", "application/json", "example",
      "signalId")
    #expect((accepted as? String).flatMap(UUID.init(uuidString:)) != nil)
    let problem = try #require(
      Documents.value(
        openAPI, "components", "responses", "UnprocessableContent", "content", "application/problem+json", "example",
        "errors", "0"))
    try Self.expectRoundTrip(problem, as: ValidationIssue.self, "422 example")

    let commands = try #require(try Documents.commandSchema()["examples"] as? [Any])
    #expect(commands.count == CommandType.allCases.count)
    for (index, command) in commands.enumerated() {
      try Self.expectRoundTrip(command, as: SignalCommand.self, "command example \(index)")
      let type = Documents.value(command, "type") as? String
      #expect(type.flatMap(CommandType.init(rawValue:)) != nil)
      #expect((Documents.value(command, "source") as? String).flatMap(SignalCommand.organisationId(inSource:)) != nil)
    }
  }

  @Test("the limits are the validator's")
  func limits() throws {
    for (document, schemas) in try Self.definitions() {
      let child = schemas["ChildIdentity"]
      #expect(
        Documents.value(schemas, "RegisterData", "properties", "reference", "maxLength") as? Int == 64, "\(document)")
      #expect(Documents.value(schemas, "ProfessionalId", "maxLength") as? Int == 64, "\(document)")
      #expect(Documents.value(child, "properties", "familyName", "maxLength") as? Int == 200, "\(document)")
      #expect(Documents.value(child, "properties", "givenNames", "maxLength") as? Int == 200, "\(document)")
      #expect(Documents.value(child, "properties", "parentBsns", "maxItems") as? Int == 4, "\(document)")
      #expect(
        Documents.value(schemas, "Address", "properties", "houseNumberAddition", "maxLength") as? Int == 10,
        "\(document)")
      #expect(Documents.value(schemas, "BSN", "pattern") as? String == "^[0-9]{9}$", "\(document)")
    }
    #expect(Documents.value(try Documents.commandSchema(), "properties", "id", "maxLength") as? Int == 128)
  }

  @Test("the BSN pattern accepts every BSN the code accepts")
  func bsnPattern() throws {
    let pattern = try #require(Documents.value(try Self.definitions()[0].schemas, "BSN", "pattern") as? String)
    let expression = try NSRegularExpression(pattern: pattern)
    var checked = 0
    for candidate in stride(from: 100_000_000, to: 999_999_999, by: 7_654_321) {
      for last in 0...9 {
        let text = String(candidate / 10) + String(last)
        guard BSN(text) != nil else { continue }
        checked += 1
        let range = NSRange(text.startIndex..., in: text)
        #expect(expression.firstMatch(in: text, range: range) != nil, "the pattern refuses a valid BSN")
      }
    }
    #expect(checked > 50)
  }

  @Test("the definitions both documents have say the same")
  func sharedDefinitions() throws {
    let documents = try Self.definitions()
    for name in Self.shared {
      let openAPI = Documents.normalised(
        try #require(documents[0].schemas[name], "openapi.yaml has no \(name)"),
        referencePrefix: "#/components/schemas/")
      let schema = Documents.normalised(
        try #require(documents[1].schemas[name], "the JSON Schema has no \(name)"), referencePrefix: "#/$defs/")
      #expect(try Documents.canonical(openAPI) == (try Documents.canonical(schema)), "\(name)")
    }
  }

  @Test("the OpenAPI document describes SignalIntake's endpoints")
  func endpoints() throws {
    let paths = try #require(try Documents.openAPI()["paths"] as? [String: Any])
    #expect(
      Set(paths.keys) == [
        "/v1/signals", "/v1/signals/end", "/v1/admin/organisations/{id}", "/v1/admin/professionals/{id}",
        "/v1/admin/municipalities/{code}", "/health", "/health/live", "/health/ready", "/metrics",
      ])
  }

  /// Decodes `example` as `type` and encodes it back: the same JSON means every member is a field of the type (the
  /// decoder alone would ignore unknown members) with the right JSON type.
  private static func expectRoundTrip(_ example: Any, as type: any Codable.Type, _ name: String) throws {
    let data = try JSONSerialization.data(withJSONObject: example)
    let decoded = try EventCoding.decoder().decode(type, from: data)
    let encoded = try JSONSerialization.jsonObject(with: try EventCoding.encoder().encode(decoded))
    #expect(try Documents.canonical(encoded) == (try Documents.canonical(example)), "\(name)")
  }
}
