import Foundation

/// An e-mail that failed for good, as published on the failed topic (`VI_TOPIC_NOTIFICATIONS_FAILED`), keyed by the
/// event id.
struct NotificationFailure: Codable, Sendable, Hashable {
  /// The notice event the e-mail belonged to.
  var eventId: UUID
  /// The recipient's queue key: `professional/<id>` or `follow-up/<address>`.
  var recipient: String
  /// The kind of e-mail (`match-child`, `follow-up`, `expired`, ...).
  var kind: String
  /// Why it failed: the SMTP server's reply or the client's reason.
  var reason: String
  /// When it was recorded as failed.
  var failedAt: Date
}
