import Contract
import Foundation
import JOSE
import KafkaClient

/// Decides one intake record, without I/O: read the CloudEvent, find the organisation, check the `vi-signature`
/// with the organisation's registered key, then validate the data. Anything that fails becomes a rejection naming
/// every problem found at that stage.
struct IntakeDecider: Sendable {
  /// The `content-type` the contract requires (structured CloudEvents).
  static let contentType = KafkaProducerMessage.intakeContentType

  let validator: CommandValidator

  func decide(_ record: KafkaConsumerMessage, receivedAt: Date) -> IntakeDecision {
    let command: SignalCommand
    switch CommandDecoder.decode(record.value) {
    case .failure(let issues):
      let partial = try? EventCoding.decoder().decode(PartialCommand.self, from: Data(record.value))
      return .rejected(
        Rejection(commandId: partial?.id, source: partial?.source, receivedAt: receivedAt, errors: issues.issues),
        organisationId: partial?.source.flatMap(SignalCommand.organisationId(inSource:)))
    case .success(let decoded):
      command = decoded
    }
    let organisationId = command.organisationId!
    let reject = { (issues: [ValidationIssue]) in
      IntakeDecision.rejected(
        Rejection(commandId: command.id, source: command.source, receivedAt: receivedAt, errors: issues),
        organisationId: organisationId)
    }
    guard let organisation = validator.registry.organisations[organisationId] else {
      return reject([
        ValidationIssue(
          field: "source", code: .organisationUnknown,
          message: "organisation '\(organisationId)' is not registered; ask the region administrator")
      ])
    }
    var envelope: [ValidationIssue] = []
    let contentType = record.headers.first(named: "content-type")?.stringValue
    if contentType?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
      != Self.contentType
    {
      envelope.append(
        ValidationIssue(
          field: "content-type", code: "contentType",
          message: "the record's content-type header must be \(Self.contentType)"))
    }
    do {
      let signature = try DetachedJWS(record.headers.first(named: DetachedJWS.headerName)?.value)
      try signature.verify(
        payload: record.value, organisationId: organisationId, registeredKey: organisation.publicKey)
    } catch {
      envelope.append(error.validationIssue)
    }
    guard envelope.isEmpty else { return reject(envelope) }
    let key = CommandLedger.Key(source: command.source, id: command.id)
    switch CommandType(rawValue: command.type)! {
    case .register:
      switch validator.register(command.data, organisationId: organisationId) {
      case .failure(let issues): return reject(issues.issues)
      case .success(let registration): return .register(registration, command: key)
      }
    case .end:
      switch validator.end(command.data, organisationId: organisationId) {
      case .failure(let issues): return reject(issues.issues)
      case .success(let ending): return .end(ending, command: key)
      }
    }
  }
}

/// The envelope fields a rejection echoes, read leniently from a command that failed to decode.
private struct PartialCommand: Decodable {
  var id: String?
  var source: String?
}
