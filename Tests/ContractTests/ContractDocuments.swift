import Foundation
import Testing
import Yams

/// The published contract documents in `contract/`, read into plain JSON values (`[String: Any]`, `[Any]`, `String`,
/// numbers, `Bool`, `NSNull`).
enum ContractDocuments {
  /// The repository root, found from this file's path (`Tests/ContractTests/`).
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// `contract/openapi.yaml`.
  static func openAPI() throws -> [String: Any] {
    let text = try String(contentsOf: root.appendingPathComponent("contract/openapi.yaml"), encoding: .utf8)
    return try #require(plain(try Yams.load(yaml: text)) as? [String: Any])
  }

  /// `contract/signal-command.schema.json`.
  static func commandSchema() throws -> [String: Any] {
    let data = try Data(contentsOf: root.appendingPathComponent("contract/signal-command.schema.json"))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  /// The value at `path` (member names, or array indices written as numbers) in `object`.
  static func value(_ object: Any?, _ path: String...) -> Any? {
    var current = object
    for step in path {
      if let dictionary = current as? [String: Any] {
        current = dictionary[step]
      } else if let array = current as? [Any], let index = Int(step), array.indices.contains(index) {
        current = array[index]
      } else {
        return nil
      }
    }
    return current
  }

  /// The codes the description of the `422` response of `contract/openapi.yaml` lists: the words in backticks after
  /// "Codes:", leaving out the remarks in parentheses (which quote field names).
  static func validationCodes() throws -> [String] {
    let description = try #require(
      value(try openAPI(), "components", "responses", "UnprocessableContent", "description") as? String)
    let list = try #require(description.firstRange(of: "Codes:")).upperBound
    let withoutRemarks = description[list...].replacing(/\([^)]*\)/, with: "")
    return withoutRemarks.matches(of: /`([^`]+)`/).map { String($0.output.1) }
  }

  /// The member names of the `properties` of `schema`.
  static func propertyNames(_ schema: Any?) -> Set<String> {
    Set((value(schema, "properties") as? [String: Any])?.keys ?? [:].keys)
  }

  /// The member names of the JSON object `value` encodes to.
  static func encodedKeys(_ value: some Encodable) throws -> Set<String> {
    let object = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(value))
    return Set(try #require(object as? [String: Any]).keys)
  }

  /// `value` as canonical JSON text (sorted keys), for comparing JSON values.
  static func canonical(_ value: Any) throws -> String {
    String(
      decoding: try JSONSerialization.data(
        withJSONObject: value, options: [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed]),
      as: UTF8.self)
  }

  /// The schema without prose (`description`, `title`, `examples`, `example`), with local references reduced to the
  /// definition's name, so that the same definition in both documents compares equal.
  static func normalised(_ schema: Any, referencePrefix: String) -> Any {
    if let dictionary = schema as? [String: Any] {
      var result: [String: Any] = [:]
      for (key, member) in dictionary where !["description", "title", "examples", "example"].contains(key) {
        if key == "$ref", let reference = member as? String, reference.hasPrefix(referencePrefix) {
          result[key] = String(reference.dropFirst(referencePrefix.count))
        } else {
          result[key] = normalised(member, referencePrefix: referencePrefix)
        }
      }
      return result
    }
    if let array = schema as? [Any] {
      return array.map { normalised($0, referencePrefix: referencePrefix) }
    }
    return schema
  }

  /// Yams' values as JSON values: mappings with string keys become `[String: Any]`.
  private static func plain(_ value: Any?) -> Any {
    switch value {
    case let mapping as [AnyHashable: Any]:
      Dictionary(uniqueKeysWithValues: mapping.map { ("\($0.key.base)", plain($0.value)) })
    case let mapping as [String: Any]:
      mapping.mapValues { plain($0) }
    case let sequence as [Any]:
      sequence.map { plain($0) }
    case nil:
      NSNull()
    case let scalar?:
      scalar
    }
  }
}
