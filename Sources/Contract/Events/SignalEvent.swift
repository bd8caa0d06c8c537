public import Foundation

/// An event on the signals topic, keyed by the child's pseudonym so that everything about one child is ordered.
///
/// It carries no BSN and no reason: the child is a ``Pseudonym`` with initials, birth date and gender. What
/// happened is one ``Change`` with its payload, so an event without its payload cannot be made, and a record
/// without one does not decode.
public struct SignalEvent: Sendable, Hashable {
  /// The wire tag of a ``Change``: the event's `type` member.
  public enum EventType: String, Codable, Sendable, CaseIterable {
    /// A professional signalled involvement (SignalIntake).
    case registered = "signal.registered"
    /// A professional ended their signal early (SignalIntake).
    case ended = "signal.ended"
    /// A signal reached its end date (Retention).
    case expired = "signal.expired"
    /// A signal reaches its end date soon (Retention).
    case expiryReminder = "signal.expiryReminder"
    /// An archived signal reached five years in the archive (Retention).
    case purged = "signal.purged"
    /// Everything about the child goes: 23rd birthday (Retention), death or objection (Matcher admin API).
    case childErased = "child.erased"
    /// The child's personal data was corrected (Matcher admin API).
    case childCorrected = "child.corrected"
  }

  /// Unique per event; consumers use it to ignore redeliveries.
  public var eventId: UUID
  /// When it happened.
  public var occurredAt: Date
  /// The child the event is about (also the record key).
  public var childPseudonym: Pseudonym
  /// What happened, with its payload.
  public var change: Change
  /// During a rotation of the pseudonym key: the previous pseudonyms, to rename before applying the event.
  public var rekeying: Rekeying?

  /// Creates an event.
  public init(
    eventId: UUID = UUID(), occurredAt: Date, childPseudonym: Pseudonym, change: Change, rekeying: Rekeying? = nil
  ) {
    self.eventId = eventId
    self.occurredAt = occurredAt
    self.childPseudonym = childPseudonym
    self.change = change
    self.rekeying = rekeying
  }

  /// What happened, as its wire tag.
  public var type: EventType { change.type }
}
