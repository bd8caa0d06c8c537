import Contract
import Foundation

/// A queued e-mail that is due, as the sender takes it from the queue (its row stays locked meanwhile).
struct PendingDelivery: Sendable {
  /// The event it belongs to.
  var eventId: UUID
  /// The recipient's key as stored; ``recipient`` is `nil` when it cannot be read.
  var recipientKey: String
  /// The recipient.
  var recipient: Recipient?
  /// The kind as stored; ``kind`` is `nil` when it is unknown.
  var kindName: String
  /// The kind of e-mail.
  var kind: MailKind?
  /// The event, or `nil` when its stored form cannot be read.
  var notice: NoticeEvent?
  /// Attempts before this one.
  var attempts: Int
  /// When the event was read.
  var enqueuedAt: Date
}
