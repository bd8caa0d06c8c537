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
  /// For ``EventType/expiryReminder``.
  public var reminder: SignalReminder?
  /// For ``EventType/purged``.
  public var purged: SignalPurge?
  /// For ``EventType/childErased``.
  public var erased: ChildErasure?
  /// For ``EventType/childCorrected``.
  public var corrected: ChildCorrection?
  /// During a rotation of the pseudonym key: the previous pseudonyms, to rename before applying the event.
  public var rekeying: Rekeying?

  /// Creates an event; set the payload that matches `type`.
  public init(
    eventId: UUID = UUID(), type: EventType, occurredAt: Date, childPseudonym: Pseudonym,
    registered: SignalRegistration? = nil, ended: SignalEnding? = nil, expired: SignalExpiry? = nil,
    reminder: SignalReminder? = nil, purged: SignalPurge? = nil, erased: ChildErasure? = nil,
    corrected: ChildCorrection? = nil, rekeying: Rekeying? = nil
  ) {
    self.eventId = eventId
    self.type = type
    self.occurredAt = occurredAt
    self.childPseudonym = childPseudonym
    self.registered = registered
    self.ended = ended
    self.expired = expired
    self.reminder = reminder
    self.purged = purged
    self.erased = erased
    self.corrected = corrected
    self.rekeying = rekeying
  }
}
