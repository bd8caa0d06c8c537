public import Foundation

extension NoticeEvent {
  /// Every signal the notice names: an e-mail about it must not go out once one of them is withdrawn.
  public var signalIds: [UUID] {
    switch content {
    case .match(let match): match.parties.map(\.signalId)
    case .historical(let historical): [historical.recipient.signalId] + historical.archived.map(\.signalId)
    case .regie(let regie): regie.recipients.map(\.signalId)
    case .expiryReminder(let expiry), .expired(let expiry): [expiry.recipient.signalId]
    case .withdrawn(let withdrawal): withdrawal.signalIds
    }
  }
}
