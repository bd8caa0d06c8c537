import Foundation
import Shared

/// Turns validated commands into signal events on the signals topic, keyed by the child's pseudonym.
struct SignalPublisher: Sendable {
  /// A signal is active for at most two years (DOMAIN.md).
  static let activeYears = 2

  let producer: KafkaProducer
  let topics: TopicNames
  let pseudonymizer: Pseudonymizer

  /// The event for a new signal made at `now`.
  func registered(_ registration: ValidRegistration, signalId: UUID, eventId: UUID, now: Date) -> SignalEvent {
    SignalEvent(
      eventId: eventId, type: .registered, occurredAt: now, childPseudonym: registration.childPseudonym,
      registered: SignalRegistration(
        signalId: signalId, organisationId: registration.organisationId,
        professionalId: registration.professionalId, reference: registration.reference,
        informed: registration.informed, child: registration.child, registeredAt: now,
        endsOn: CalendarDate(now).adding(years: Self.activeYears)))
  }

  /// The event for a signal ended at `now`.
  func ended(_ ending: ValidEnding, eventId: UUID, now: Date) -> SignalEvent {
    SignalEvent(
      eventId: eventId, type: .ended, occurredAt: now, childPseudonym: ending.childPseudonym,
      ended: SignalEnding(
        organisationId: ending.organisationId, professionalId: ending.professionalId, reason: ending.reason))
  }

  /// The record for `event`.
  func message(for event: SignalEvent) throws -> KafkaProducerMessage {
    KafkaProducerMessage(topic: topics.signals, key: event.childPseudonym.value, value: try EventCoding.encode(event))
  }

  /// Publishes `event` and waits for the broker.
  func publish(_ event: SignalEvent) async throws {
    try await producer.send(message(for: event))
  }
}
