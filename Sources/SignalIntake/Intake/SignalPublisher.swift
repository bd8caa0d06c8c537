import Foundation
import Logging
import PostgresNIO
import Shared

/// Turns validated commands into signal events on the signals topic, keyed by the child's pseudonym, and keeps
/// the active registrations that make registering twice idempotent.
struct SignalPublisher: Sendable {
  /// A signal is active for at most two years (DOMAIN.md).
  static let activeYears = 2

  let producer: KafkaProducer
  let topics: TopicNames
  let pseudonymizer: Pseudonymizer
  let registrations: RegistrationStore

  /// The event for a registration made at `now`: a new signal with id `candidate`, or, when the professional
  /// already has an active signal on the child, that signal again (which the Matcher ignores).
  func register(
    _ registration: ValidRegistration, candidate: UUID, eventId: UUID, now: Date, on connection: PostgresConnection
  ) async throws -> SignalEvent {
    let today = CalendarDate(now)
    let endsOn = today.adding(years: Self.activeYears)
    if let rekeying = registration.rekeying {
      try await registrations.rename(rekeying.child, to: registration.childPseudonym, on: connection)
    }
    let signalId = try await registrations.claim(
      professionalId: registration.professionalId, child: registration.childPseudonym, candidate: candidate,
      endsOn: endsOn, today: today, on: connection)
    return SignalEvent(
      eventId: eventId, type: .registered, occurredAt: now, childPseudonym: registration.childPseudonym,
      registered: SignalRegistration(
        signalId: signalId, organisationId: registration.organisationId,
        professionalId: registration.professionalId, reference: registration.reference,
        informed: registration.informed, child: registration.child, registeredAt: now, endsOn: endsOn),
      rekeying: registration.rekeying)
  }

  /// The event for a signal ended at `now`.
  func end(
    _ ending: ValidEnding, eventId: UUID, now: Date, on connection: PostgresConnection
  ) async throws -> SignalEvent {
    if let rekeying = ending.rekeying {
      try await registrations.rename(rekeying.child, to: ending.childPseudonym, on: connection)
    }
    try await registrations.release(professionalId: ending.professionalId, child: ending.childPseudonym, on: connection)
    return SignalEvent(
      eventId: eventId, type: .ended, occurredAt: now, childPseudonym: ending.childPseudonym,
      ended: SignalEnding(
        organisationId: ending.organisationId, professionalId: ending.professionalId, reason: ending.reason),
      rekeying: ending.rekeying)
  }

  /// The record for `event`.
  func message(for event: SignalEvent) throws -> KafkaProducerMessage {
    KafkaProducerMessage(topic: topics.signals, key: event.childPseudonym.value, value: try EventCoding.encode(event))
  }

  /// The record for a rejection, keyed by the organisation when known.
  func message(for rejection: Rejection, organisationId: String?) throws -> KafkaProducerMessage {
    KafkaProducerMessage(
      topic: topics.signalCommandsRejected, key: organisationId.map { Array($0.utf8) },
      value: try EventCoding.encode(rejection))
  }
}
