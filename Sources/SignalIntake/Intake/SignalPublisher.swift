import Contract
import Foundation
import KafkaClient
import Logging
import PostgresNIO
import Rules
import ServiceKit

/// Turns validated commands into signal events on the signals topic, keyed by the child's pseudonym, and keeps
/// the active registrations that make registering twice idempotent.
struct SignalPublisher: Sendable {
  let producer: KafkaProducer
  let topics: TopicNames
  let pseudonymizer: Pseudonymizer
  let registrations: RegistrationStore
  /// Address keys of institutional addresses (`VI_INSTITUTIONAL_ADDRESSES`), which make no address match.
  var institutionalAddresses: Set<String> = []

  /// A validated registration with the ids its event gets.
  struct Registration: Sendable {
    var registration: ValidRegistration
    /// The id of the new signal, unless the professional already has an active one on the child.
    var candidate: UUID
    var eventId: UUID
  }

  /// The events for registrations made at `now`, in order: a new signal per registration, or, where the professional
  /// already has an active signal on the child, that signal again (which the Matcher ignores). One statement claims
  /// the signal ids of the whole list.
  func register(_ items: [Registration], now: Date, on connection: PostgresConnection) async throws -> [SignalEvent] {
    let today = CalendarDate(now)
    let endsOn = today.adding(years: Lifecycle.activeYears)
    for item in items {
      if let rekeying = item.registration.rekeying {
        try await registrations.rename(rekeying.child, to: item.registration.childPseudonym, on: connection)
      }
    }
    let signalIds = try await registrations.claim(
      items.map {
        RegistrationStore.Claim(
          professionalId: $0.registration.professionalId, child: $0.registration.childPseudonym,
          candidate: $0.candidate)
      }, endsOn: endsOn, today: today, on: connection)
    return zip(items, signalIds).map { item, signalId in
      let registration = item.registration
      return SignalEvent(
        eventId: item.eventId, occurredAt: now, childPseudonym: registration.childPseudonym,
        change: .registered(
          SignalRegistration(
            signalId: signalId, organisationId: registration.organisationId,
            professionalId: registration.professionalId, reference: registration.reference,
            informed: registration.informed, child: registration.child, registeredAt: now, endsOn: endsOn)),
        rekeying: registration.rekeying)
    }
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
      eventId: eventId, occurredAt: now, childPseudonym: ending.childPseudonym,
      change: .ended(
        SignalEnding(
          organisationId: ending.organisationId, professionalId: ending.professionalId, reason: ending.reason)),
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
