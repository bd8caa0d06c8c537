public import Foundation

extension NoticeEvent {
  /// Every signal the notice names: an e-mail about it must not go out once one of them is withdrawn.
  public var signalIds: [UUID] {
    var ids: [UUID] = []
    ids += match?.parties.map(\.signalId) ?? []
    if let historical {
      ids.append(historical.recipient.signalId)
      ids += historical.archived.map(\.signalId)
    }
    ids += regie?.recipients.map(\.signalId) ?? []
    if let expiry { ids.append(expiry.recipient.signalId) }
    ids += withdrawal?.signalIds ?? []
    return ids
  }
}
