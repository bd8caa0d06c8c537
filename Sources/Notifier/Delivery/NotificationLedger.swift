import Foundation
import Logging
import PostgresNIO

/// The record of every (event, recipient) the Notifier handled, so that a redelivered event sends nothing twice.
struct NotificationLedger: Sendable {
  let postgres: PostgresClient
  let logger: Logger

  /// The recipients of `eventId` already handled.
  func handled(eventId: UUID) async throws -> Set<String> {
    var recipients = Set<String>()
    let rows = try await postgres.query(
      "SELECT recipient FROM notifications WHERE event_id = \(eventId)", logger: logger)
    for try await recipient in rows.decode(String.self) {
      recipients.insert(recipient)
    }
    return recipients
  }

  /// Records that `recipient` was sent the notice of `eventId`, or that sending it failed for good.
  func record(eventId: UUID, recipient: String, failed detail: String? = nil) async throws {
    try await postgres.query(
      """
      INSERT INTO notifications (event_id, recipient, status, detail)
      VALUES (\(eventId), \(recipient), \(detail == nil ? "sent" : "failed"), \(detail))
      ON CONFLICT DO NOTHING
      """, logger: logger)
  }
}
