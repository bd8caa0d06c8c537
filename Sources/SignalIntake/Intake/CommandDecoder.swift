import Contract
import Foundation

/// Reads an intake record into a ``SignalCommand``, or says precisely why it cannot.
enum CommandDecoder {
  /// The contract's limit on a record's value.
  static let maximumBytes = 64 * 1024

  /// The command, or the issues that make the record unreadable.
  static func decode(_ value: [UInt8]) -> Result<SignalCommand, ValidationIssues> {
    var issues = ValidationIssues()
    guard !value.isEmpty else {
      issues.add(
        "value", reading: .valueEmpty, "the record has no value; expected a CloudEvent in structured JSON mode")
      return .failure(issues)
    }
    guard value.count <= maximumBytes else {
      issues.add(
        "value", reading: .valueTooLarge, "the record's value is \(value.count) bytes; at most \(maximumBytes)")
      return .failure(issues)
    }
    guard String(validating: value, as: UTF8.self) != nil else {
      issues.add("value", reading: .valueEncoding, "the record's value is not UTF-8 text")
      return .failure(issues)
    }
    let command: SignalCommand
    do {
      command = try EventCoding.decoder().decode(SignalCommand.self, from: Data(value))
    } catch {
      issues.add(
        "value", reading: .jsonInvalid,
        "the value is not a CloudEvent in structured JSON mode: \(DecodingFailure.describe(error))")
      return .failure(issues)
    }
    if command.specversion != "1.0" {
      issues.add("specversion", reading: .specversion, "specversion must be \"1.0\"")
    }
    if command.id.isEmpty || command.id.count > 128 || TextRules.hasControlCharacters(command.id) {
      issues.add(
        "id", reading: .idInvalid, "id must be 1 to 128 characters without control characters, unique per source")
    }
    if command.organisationId == nil || TextRules.hasControlCharacters(command.source) {
      issues.add("source", reading: .sourceInvalid, "source must be urn:vi:org:<organisationId>")
    }
    if CommandType(rawValue: command.type) == nil {
      issues.add(
        "type", reading: .typeUnknown,
        "type must be one of \(CommandType.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    if let contentType = command.datacontenttype, contentType != "application/json" {
      issues.add("datacontenttype", reading: .datacontenttype, "datacontenttype must be application/json")
    }
    return issues.isEmpty ? .success(command) : .failure(issues)
  }
}
