import Contract
import Foundation
import Logging
import Registry
import SMTPClient
import ServiceKit
import ServiceLifecycle

/// Sends the queued e-mails over the one SMTP connection, most overdue first, each written with the registry as it
/// is at sending time.
///
/// Each e-mail's outcome is recorded in the transaction that holds its row (see ``DeliveryQueue``). A crash after
/// the SMTP server accepted an e-mail but before that commit sends this one e-mail again after the restart: at
/// worst one duplicate, never a lost e-mail. The Message-ID is derived from (event, recipient), so such a repeat
/// carries the same Message-ID and mail clients can tell.
///
/// - A 4xx reply to this e-mail, or a recipient not in the registry yet, reschedules only this e-mail with
///   exponential back-off; the next due e-mail goes at once. After ``RetryPolicy/giveUpAfter`` (three days) of that,
///   the e-mail fails for good.
/// - When the server is the problem (no connection, time-out, 421, refused login, no STARTTLS), every e-mail would
///   fail alike: this one stays due as it was and the sender pauses, with back-off, before trying again. Nothing is
///   lost while the server is down; everything goes, in order, once it is back.
/// - A 5xx reply to this e-mail, or an invalid address, records it as failed for ``FailurePublisher``.
struct DeliverySender: Sendable {
  /// How long to wait when nothing is due.
  static let idleDelay = Duration.milliseconds(100)

  let queue: DeliveryQueue
  let smtp: SMTPClient
  let from: EmailAddress
  let composer: MailComposer
  let registry: RegistryReplica
  let retry: RetryPolicy
  let metrics: NotifierMetrics
  let logger: Logger

  /// What one turn of the loop did.
  enum Step: Equatable {
    /// Nothing was due.
    case idle
    /// An e-mail was sent, rescheduled or failed; take the next one at once.
    case handled
    /// The server is unavailable; pause before the next attempt.
    case serverUnavailable
  }

  func run() async throws {
    var serverFailures = 0
    var databaseFailures = 0
    while !Task.isCancelled && !Task.isShuttingDownGracefully {
      let step: Step
      do {
        step = try await sendNext()
        databaseFailures = 0
      } catch {
        databaseFailures += 1
        let delay = retry.delay(afterFailures: databaseFailures)
        logger.error(
          "Could not read or update the e-mail queue; retrying. Check PostgreSQL.",
          metadata: ["error": "\(String(reflecting: error))", "retry.after": "\(delay)"])
        _ = await sleepUnlessShuttingDown(for: delay)
        continue
      }
      switch step {
      case .idle:
        _ = await sleepUnlessShuttingDown(for: Self.idleDelay)
      case .handled:
        serverFailures = 0
      case .serverUnavailable:
        serverFailures += 1
        let delay = retry.delay(afterFailures: serverFailures)
        logger.warning("Pausing e-mail while the SMTP server is unavailable", metadata: ["retry.after": "\(delay)"])
        _ = await sleepUnlessShuttingDown(for: delay)
      }
    }
  }

  /// Sends the most overdue e-mail, if any, and records its outcome.
  func sendNext() async throws -> Step {
    guard let (delivery, outcome) = try await queue.sendNextDue({ await attempt($0) }) else { return .idle }
    var metadata: Logger.Metadata = [
      "notice.event": "\(delivery.eventId)", "recipient": "\(delivery.recipientKey)",
      "mail.kind": "\(delivery.kindName)",
      "attempt": "\(delivery.attempts + 1)",
    ]
    switch outcome {
    case .sent:
      metrics.sent.increment()
      logger.info("E-mail sent", metadata: metadata)
      return .handled
    case .retry(let delay, let reason):
      metrics.retried.increment()
      metadata["reason"] = "\(reason)"
      metadata["retry.after"] = "\(delay)"
      logger.warning("E-mail not sent yet; it is tried again later", metadata: metadata)
      return .handled
    case .postpone(let reason):
      metrics.retried.increment()
      metadata["reason"] = "\(reason)"
      logger.warning("E-mail not sent: the SMTP server is unavailable", metadata: metadata)
      return .serverUnavailable
    case .failed(let reason):
      metrics.failed.increment()
      metadata["reason"] = "\(reason)"
      logger.error("E-mail failed for good; recorded and published as failed", metadata: metadata)
      return .handled
    }
  }

  /// Writes and sends one e-mail; never throws: every failure becomes an outcome.
  func attempt(_ delivery: PendingDelivery) async -> DeliveryOutcome {
    let message: EmailMessage
    do {
      let notice = try composer.compose(delivery, registry: registry.current)
      message = try EmailMessage(
        from: from, to: [try EmailAddress(notice.recipientEmail, name: notice.recipientName)],
        subject: notice.subject, body: notice.body, messageID: messageID(delivery))
    } catch let problem as ComposeProblem where problem.isTransient {
      return retryLater(delivery, reason: "\(problem)")
    } catch {
      return .failed(reason: "\(error)")
    }
    do {
      _ = try await smtp.send(message)
      return .sent
    } catch let error as SMTPError {
      if error.isMessageSpecific {
        return error.isTransient ? retryLater(delivery, reason: "\(error)") : .failed(reason: "\(error)")
      }
      // The connection, the server or our configuration: every e-mail would fail alike, so none is failed for it.
      return .postpone(reason: "\(error)")
    } catch {
      return .postpone(reason: "\(error)")
    }
  }

  /// A retry with back-off, or a failure once the e-mail has been failing for longer than the policy allows.
  private func retryLater(_ delivery: PendingDelivery, reason: String) -> DeliveryOutcome {
    let waited = Duration.seconds(Date().timeIntervalSince(delivery.enqueuedAt))
    guard waited < retry.giveUpAfter else {
      return .failed(reason: "still not accepted after \(retry.giveUpAfter): \(reason)")
    }
    return .retry(after: retry.delay(afterFailures: delivery.attempts + 1), reason: reason)
  }

  /// `<event-id.recipient-hash@sender-domain>`: the same for every attempt of one (event, recipient).
  private func messageID(_ delivery: PendingDelivery) -> String {
    let recipient = StableID.make(delivery.recipientKey).uuidString.lowercased().prefix(8)
    return "<\(delivery.eventId.uuidString.lowercased()).\(recipient)@\(from.domain)>"
  }
}
