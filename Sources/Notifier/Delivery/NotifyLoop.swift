import Foundation
import Logging
import Metrics
import SMTPClient
import ServiceLifecycle
import Shared

/// Reads match events and e-mails every party once.
///
/// For each (event, recipient) it checks the ledger, sends, then records. A crash after the SMTP server accepted a
/// message but before the ledger recorded it sends that one message again after the restart: at worst one
/// duplicate, never a lost notice. Transient failures (4xx, no connection, timeouts, a registry entry not there
/// yet) are retried with exponential backoff; permanent ones (5xx) are recorded as failed and not retried.
struct NotifyLoop: Sendable {
  static let maximumBackoff = Duration.seconds(60)

  let consumer: KafkaConsumer
  let smtp: SMTPClient
  let sender: EmailAddress
  let registry: RegistryReplica
  let ledger: NotificationLedger
  let logger: Logger

  private let sent = Counter(label: "vi_notifier_emails_sent_total")
  private let retried = Counter(label: "vi_notifier_emails_retried_total")
  private let failed = Counter(label: "vi_notifier_emails_failed_total")

  init(
    consumer: KafkaConsumer, smtp: SMTPClient, sender: EmailAddress, registry: RegistryReplica,
    ledger: NotificationLedger, logger: Logger
  ) {
    self.consumer = consumer
    self.smtp = smtp
    self.sender = sender
    self.registry = registry
    self.ledger = ledger
    self.logger = logger
  }

  func run() async throws {
    for try await batch in consumer.batches.cancelOnGracefulShutdown() {
      for record in batch {
        guard let notice = try? EventCoding.decode(NoticeEvent.self, from: record.value) else {
          logger.error(
            "Skipping a match event that cannot be read",
            metadata: ["kafka.partition": "\(record.partition)", "kafka.offset": "\(record.offset)"])
          continue
        }
        guard let match = notice.match else { continue }
        guard try await deliver(match, eventId: notice.eventId) else { return }
      }
      try consumer.commit(batch.nextPositions)
    }
  }

  /// Sends the match's notices; `false` when shutdown interrupted it (the batch then stays uncommitted).
  private func deliver(_ match: MatchNotice, eventId: UUID) async throws -> Bool {
    let done = try await ledger.handled(eventId: eventId)
    for party in match.parties where !done.contains(party.professionalId) {
      var backoff = Duration.milliseconds(200)
      while true {
        switch await attempt(party, match, eventId: eventId) {
        case .sent:
          try await ledger.record(eventId: eventId, recipient: party.professionalId)
          sent.increment()
        case .failedForGood(let reason):
          try await ledger.record(eventId: eventId, recipient: party.professionalId, failed: reason)
          failed.increment()
          logger.error(
            "E-mail refused for good; recorded as failed",
            metadata: [
              "match.event": "\(eventId)", "recipient": "\(party.professionalId)", "reason": "\(reason)",
            ])
        case .retryLater(let reason):
          retried.increment()
          logger.warning(
            "E-mail not sent yet; retrying",
            metadata: [
              "match.event": "\(eventId)", "recipient": "\(party.professionalId)", "reason": "\(reason)",
              "retry.after": "\(backoff)",
            ])
          guard await sleepUnlessShuttingDown(for: backoff) else { return false }
          backoff = min(backoff * 2, Self.maximumBackoff)
          continue
        }
        break
      }
    }
    return true
  }

  private enum Attempt {
    case sent
    case retryLater(String)
    case failedForGood(String)
  }

  private func attempt(_ party: SignalParty, _ match: MatchNotice, eventId: UUID) async -> Attempt {
    let notice: Notice
    do {
      notice = try NoticeComposer(registry: registry.current).notice(for: party, in: match)
    } catch {
      return .retryLater("\(error)")
    }
    do {
      let message = try EmailMessage(
        from: sender, to: [try EmailAddress(notice.recipientEmail, name: notice.recipientName)],
        subject: notice.subject, body: notice.body)
      _ = try await smtp.send(message)
      logger.info(
        "E-mail sent", metadata: ["match.event": "\(eventId)", "recipient": "\(party.professionalId)"])
      return .sent
    } catch let error as SMTPError where error.isTransient {
      return .retryLater("\(error)")
    } catch {
      return .failedForGood("\(error)")
    }
  }
}
