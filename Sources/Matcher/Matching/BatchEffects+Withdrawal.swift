import Contract
import Foundation

extension BatchEffects {
  /// Publishes that `signalIds` were deleted, so that the Notifier sends nothing more that names them; nothing when
  /// none were.
  mutating func withdraw(_ signalIds: [UUID], at: Date) {
    guard !signalIds.isEmpty else { return }
    let sorted = signalIds.sorted { $0.uuidString < $1.uuidString }
    notices.append(
      NoticeEvent(
        eventId: StableID.make("withdrawal", sorted.map(\.uuidString).joined(separator: ",")), occurredAt: at,
        content: .withdrawn(WithdrawalNotice(signalIds: sorted))))
  }
}
