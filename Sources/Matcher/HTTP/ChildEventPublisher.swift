import Contract
import Foundation
import KafkaClient

/// Puts the administrator's corrections and erasures on the signals topic, keyed by the child's pseudonym, for the
/// Matcher's loop and Retention to apply in order with everything else about the child.
struct ChildEventPublisher: Sendable {
  let producer: KafkaProducer
  /// The signals topic.
  let topic: String

  /// A `child.corrected` event for the child of `key`.
  static func correction(_ correction: ChildCorrection, of key: ChildKey, now: Date) -> SignalEvent {
    SignalEvent(
      occurredAt: now, childPseudonym: key.current, change: .childCorrected(correction), rekeying: key.rekeying)
  }

  /// A `child.erased` event for the child of `key`.
  static func erasure(_ reason: ChildErasure.Reason, of key: ChildKey, now: Date) -> SignalEvent {
    SignalEvent(
      occurredAt: now, childPseudonym: key.current, change: .childErased(ChildErasure(reason: reason)),
      rekeying: key.rekeying)
  }

  /// Sends `event` and waits until the broker has it.
  func publish(_ event: SignalEvent) async throws {
    _ = try await producer.send(
      KafkaProducerMessage(topic: topic, key: event.childPseudonym.value, value: try EventCoding.encode(event)))
  }
}
