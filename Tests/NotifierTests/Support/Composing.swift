import Contract
import Foundation
import Registry

@testable import Notifier

/// Plans and writes every e-mail of an event, as the Notifier would, without a queue or SMTP.
struct Composing {
  static let templates: MailTemplates = try! MailTemplates.load(overrides: nil)

  let registry: RegistrySnapshot
  var templates = Composing.templates

  /// Recipient key → e-mail.
  func mails(_ event: NoticeEvent) throws -> [String: Notice] {
    let planned = RecipientPlanner(registry: registry, logger: .init(label: "test")).plan(event)
    var mails: [String: Notice] = [:]
    for delivery in planned {
      mails[delivery.recipient.key] = try MailComposer(templates: templates).compose(
        PendingDelivery(
          eventId: event.eventId, recipientKey: delivery.recipient.key, recipient: delivery.recipient,
          kindName: delivery.kind.rawValue, kind: delivery.kind, notice: event, attempts: 0, enqueuedAt: Date()),
        registry: registry)
    }
    return mails
  }
}
