import Contract
import KafkaClient

/// The kinds of e-mail the Notifier writes; each has its own template file, `<rawValue>.mustache`.
enum MailKind: String, Sendable, CaseIterable {
  /// To a professional: another organisation signalled the same child.
  case matchChild = "match-child"
  /// To a professional: a signal on another child of the same parent. Never names the sibling.
  case matchFamily = "match-family"
  /// To a professional: a signal on another child at the same address. Never names the other child.
  case matchAddress = "match-address"
  /// To a municipality's follow-up officer: a match in the municipality.
  case followUp = "follow-up"
  /// To a new signaller: archived signals of others on the same child.
  case historical
  /// To the professionals around a child: who has regie now.
  case regie
  /// To a professional: their signal ends soon.
  case expiryReminder = "expiry-reminder"
  /// To a professional: their signal ended; signal again if still involved.
  case expired

  /// The template file's name without `.mustache`.
  var templateName: String { rawValue }

  /// The kind of a professional's match e-mail.
  init(match kind: MatchNotice.Kind) {
    switch kind {
    case .child: self = .matchChild
    case .family: self = .matchFamily
    case .address: self = .matchAddress
    }
  }
}
