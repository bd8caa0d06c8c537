public import Foundation

/// An event on the signals topic, keyed by the child's pseudonym so that everything about one child is ordered.
///
/// It carries no BSN and no reason: the child is a ``Pseudonym`` with initials, birth date and gender.
public struct SignalEvent: Codable, Sendable, Hashable {
  /// What happened.
  public enum EventType: String, Codable, Sendable {
    /// A professional signalled involvement (SignalIntake).
    case registered = "signal.registered"
    /// A professional ended their signal early (SignalIntake).
    case ended = "signal.ended"
    /// A signal reached its end date (Retention).
    case expired = "signal.expired"
  }

  /// Unique per event; consumers use it to ignore redeliveries.
  public var eventId: UUID
  /// What happened.
  public var type: EventType
  /// When it happened.
  public var occurredAt: Date
  /// The child the event is about (also the record key).
  public var childPseudonym: Pseudonym
  /// For ``EventType/registered``.
  public var registered: SignalRegistration?
  /// For ``EventType/ended``.
  public var ended: SignalEnding?
  /// For ``EventType/expired``.
  public var expired: SignalExpiry?
  /// During a rotation of the pseudonym key: the previous pseudonyms, to rename before applying the event.
  public var rekeying: Rekeying?

  /// Creates an event; set the payload that matches `type`.
  public init(
    eventId: UUID = UUID(), type: EventType, occurredAt: Date, childPseudonym: Pseudonym,
    registered: SignalRegistration? = nil, ended: SignalEnding? = nil, expired: SignalExpiry? = nil,
    rekeying: Rekeying? = nil
  ) {
    self.eventId = eventId
    self.type = type
    self.occurredAt = occurredAt
    self.childPseudonym = childPseudonym
    self.registered = registered
    self.ended = ended
    self.expired = expired
    self.rekeying = rekeying
  }
}
