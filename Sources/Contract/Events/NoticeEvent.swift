public import Foundation

/// An event on the notices topic (`VI_TOPIC_MATCHES`), written by the Matcher's outbox and read by the Notifier.
///
/// What to tell is one ``Content`` with its payload. The Matcher is the only writer: it knows whether a signal is
/// still active, so a reminder or expiry Retention scheduled for a signal that ended meanwhile becomes no notice.
public struct NoticeEvent: Sendable, Hashable {
  /// The wire tag of a ``Content``: the event's `type` member.
  public enum EventType: String, Codable, Sendable, CaseIterable {
    /// A child, family or address match (``Content/match(_:)``).
    case match = "notice.match"
    /// Archived signals shown once to a new signaller (``Content/historical(_:)``).
    case historical = "notice.historical"
    /// Regie around a child moved (``Content/regie(_:)``).
    case regie = "notice.regie"
    /// A signal ends soon (``Content/expiryReminder(_:)``).
    case expiryReminder = "notice.expiryReminder"
    /// A signal ended after two years; asks whether to signal again (``Content/expired(_:)``).
    case expired = "notice.expired"
    /// Signals were deleted: e-mails about them that have not gone out must not (``Content/withdrawn(_:)``).
    case withdrawn = "notice.withdrawn"
  }

  /// Unique per event and name-based, so a notice made again is recognised; the Notifier records
  /// (event, recipient) and sends nothing twice.
  public var eventId: UUID
  /// When the Matcher made it.
  public var occurredAt: Date
  /// What to tell, with its payload.
  public var content: Content

  /// Creates an event.
  public init(eventId: UUID, occurredAt: Date, content: Content) {
    self.eventId = eventId
    self.occurredAt = occurredAt
    self.content = content
  }

  /// What to tell, as its wire tag.
  public var type: EventType { content.type }
}
