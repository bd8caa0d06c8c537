public import Foundation

/// An event on the notices topic (`VI_TOPIC_MATCHES`), written by the Matcher's outbox and read by the Notifier.
///
/// Exactly one payload is set, the one `type` names. The Matcher is the only writer: it knows whether a signal is
/// still active, so a reminder or expiry Retention scheduled for a signal that ended meanwhile becomes no notice.
public struct NoticeEvent: Codable, Sendable, Hashable {
  /// What to tell.
  public enum EventType: String, Codable, Sendable, CaseIterable {
    /// A child, family or address match (``match``).
    case match = "notice.match"
    /// Archived signals shown once to a new signaller (``historical``).
    case historical = "notice.historical"
    /// Regie around a child moved (``regie``).
    case regie = "notice.regie"
    /// A signal ends soon (``expiry``).
    case expiryReminder = "notice.expiryReminder"
    /// A signal ended after two years; asks whether to signal again (``expiry``).
    case expired = "notice.expired"
    /// Signals were deleted: e-mails about them that have not gone out must not (``withdrawal``).
    case withdrawn = "notice.withdrawn"
  }

  /// Unique per event and name-based, so a notice made again is recognised; the Notifier records
  /// (event, recipient) and sends nothing twice.
  public var eventId: UUID
  /// What to tell.
  public var type: EventType
  /// When the Matcher made it.
  public var occurredAt: Date
  /// For ``EventType/match``.
  public var match: MatchNotice?
  /// For ``EventType/historical``.
  public var historical: HistoricalNotice?
  /// For ``EventType/regie``.
  public var regie: RegieNotice?
  /// For ``EventType/expiryReminder`` and ``EventType/expired``.
  public var expiry: ExpiryNotice?
  /// For ``EventType/withdrawn``.
  public var withdrawal: WithdrawalNotice?

  /// Creates an event; set the payload that matches `type`.
  public init(
    eventId: UUID, type: EventType, occurredAt: Date, match: MatchNotice? = nil, historical: HistoricalNotice? = nil,
    regie: RegieNotice? = nil, expiry: ExpiryNotice? = nil, withdrawal: WithdrawalNotice? = nil
  ) {
    self.eventId = eventId
    self.type = type
    self.occurredAt = occurredAt
    self.match = match
    self.historical = historical
    self.regie = regie
    self.expiry = expiry
    self.withdrawal = withdrawal
  }
}
