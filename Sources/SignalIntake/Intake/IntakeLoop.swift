import Foundation
import Logging
import ServiceLifecycle
import Shared

/// Reads the intake topic in batches: every record becomes exactly one signal event or one rejection, published in
/// record order; then the batch's offsets are committed. A record that cannot be read is rejected, never skipped,
/// so the loop neither crashes nor stalls on it.
struct IntakeLoop: Sendable {
  let consumer: KafkaConsumer
  let registry: IntakeRegistry
  let publisher: SignalPublisher
  let logger: Logger

  func run() async throws {
    for try await batch in consumer.batches.cancelOnGracefulShutdown() {
      let now = Date()
      let validator = CommandValidator(registry: registry.current, pseudonymizer: publisher.pseudonymizer, now: now)
      var messages: [KafkaProducerMessage] = []
      var signals = 0
      for record in batch {
        switch Self.decide(record, validator: validator, publisher: publisher, now: now) {
        case .signal(let event):
          messages.append(try publisher.message(for: event))
          signals += 1
        case .rejected(let rejection, let organisationId):
          messages.append(
            KafkaProducerMessage(
              topic: publisher.topics.signalCommandsRejected, key: organisationId.map { Array($0.utf8) },
              value: try EventCoding.encode(rejection)))
          logger.info(
            "Rejected an intake command",
            metadata: [
              "command.id": "\(rejection.commandId ?? "-")", "command.source": "\(rejection.source ?? "-")",
              "kafka.partition": "\(record.partition)", "kafka.offset": "\(record.offset)",
              "errors": "\(rejection.errors.map(\.code))",
            ])
        }
      }
      try await publisher.producer.send(messages)
      try consumer.commit(batch.nextPositions)
      logger.debug(
        "Intake batch done", metadata: ["records": "\(batch.count)", "signals": "\(signals)"])
    }
  }

  /// Decides one record. Pure: no I/O.
  static func decide(
    _ record: KafkaConsumerMessage, validator: CommandValidator, publisher: SignalPublisher, now: Date
  ) -> IntakeDecision {
    let command: SignalCommand
    switch CommandDecoder.decode(record.value) {
    case .failure(let issues):
      let partial = try? EventCoding.decoder().decode(PartialCommand.self, from: Data(record.value))
      return .rejected(
        Rejection(commandId: partial?.id, source: partial?.source, receivedAt: now, errors: issues.issues),
        organisationId: partial?.source.flatMap(SignalCommand.organisationId(inSource:)))
    case .success(let decoded):
      command = decoded
    }
    let organisationId = command.organisationId!
    let reject = { (issues: ValidationIssues) in
      IntakeDecision.rejected(
        Rejection(commandId: command.id, source: command.source, receivedAt: now, errors: issues.issues),
        organisationId: organisationId)
    }
    switch CommandType(rawValue: command.type)! {
    case .register:
      switch validator.register(command.data, organisationId: organisationId) {
      case .failure(let issues): return reject(issues)
      case .success(let registration):
        return .signal(
          publisher.registered(
            registration, signalId: StableID.make("signal", command.source, command.id),
            eventId: StableID.make("event", command.source, command.id), now: now))
      }
    case .end:
      switch validator.end(command.data, organisationId: organisationId) {
      case .failure(let issues): return reject(issues)
      case .success(let ending):
        return .signal(
          publisher.ended(ending, eventId: StableID.make("event", command.source, command.id), now: now))
      }
    }
  }

}

/// The envelope fields a rejection echoes, read leniently from a command that failed to decode.
private struct PartialCommand: Decodable {
  var id: String?
  var source: String?
}
