import Contract
import Foundation
import KafkaClient
import Logging
import PostgresNIO
import ServiceKit
import ServiceLifecycle

/// Reads the intake topic in batches. Every record becomes exactly one signal event or one rejection, published in
/// record order; a command delivered again (same `source` and `id`) yields nothing new. The batch's ledger entries
/// commit after the broker acknowledged its events, then the offsets are committed. A record that cannot be read is
/// rejected, never skipped, so the loop neither crashes nor stalls on it; a failing database or broker makes it
/// retry the same batch.
struct IntakeLoop: Sendable {
  let consumer: KafkaConsumer
  let registry: IntakeRegistry
  let publisher: SignalPublisher
  let postgres: PostgresClient
  let logger: Logger

  func run() async throws {
    for try await batch in consumer.batches.cancelOnGracefulShutdown() {
      var delay = Duration.milliseconds(200)
      while true {
        do {
          try await handle(batch)
          break
        } catch {
          logger.error(
            "Could not handle an intake batch; retrying it. Check PostgreSQL and Kafka.",
            metadata: ["error": "\(error)", "retry.after": "\(delay)"])
          // On shutdown the batch stays uncommitted, and is read again at the next start.
          guard await sleepUnlessShuttingDown(for: delay) else { return }
          delay = min(delay * 2, .seconds(30))
        }
      }
      try consumer.commit(batch.nextPositions)
    }
  }

  private func handle(_ batch: [KafkaConsumerMessage]) async throws {
    let now = Date()
    let decider = IntakeDecider(
      validator: CommandValidator(
        registry: registry.current, pseudonymizer: publisher.pseudonymizer, now: now,
        institutionalAddresses: publisher.institutionalAddresses))
    let decisions = batch.map { decider.decide($0, receivedAt: now) }
    try await postgres.withTransaction(logger: logger) { connection in
      var seen = Set<CommandLedger.Key>()
      let keys = decisions.compactMap(\.command).filter { seen.insert($0).inserted }
      var fresh = try await CommandLedger(logger: logger).firstSeen(keys, on: connection)
      // First the state changes, in record order: registrations in runs, one statement a run; ends one by one.
      var events: [Int: SignalEvent] = [:]
      var run: [(Int, SignalPublisher.Registration)] = []
      func flush() async throws {
        let made = try await publisher.register(run.map(\.1), now: now, on: connection)
        for ((index, _), event) in zip(run, made) { events[index] = event }
        run = []
      }
      var ignored = Set<Int>()
      for (index, decision) in decisions.enumerated() {
        if let command = decision.command, fresh.remove(command) == nil {
          logger.debug("Ignoring a command delivered again", metadata: ["command.id": "\(command.id)"])
          ignored.insert(index)
          continue
        }
        switch decision {
        case .register(let registration, let command):
          run.append(
            (
              index,
              SignalPublisher.Registration(
                registration: registration, candidate: StableID.make("signal", command.source, command.id),
                eventId: StableID.make("event", command.source, command.id))
            ))
        case .end(let ending, let command):
          try await flush()
          events[index] = try await publisher.end(
            ending, eventId: StableID.make("event", command.source, command.id), now: now, on: connection)
        case .rejected:
          break
        }
      }
      try await flush()
      // Then one record per decision, in record order.
      var messages: [KafkaProducerMessage] = []
      for (index, (record, decision)) in zip(batch, decisions).enumerated() where !ignored.contains(index) {
        if let event = events[index] {
          messages.append(try publisher.message(for: event))
        } else if case .rejected(let rejection, let organisationId) = decision {
          messages.append(try publisher.message(for: rejection, organisationId: organisationId))
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
    }
  }
}
