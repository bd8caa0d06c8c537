import Foundation
import Shared

/// One lifecycle event that falls due.
struct DueItem: Sendable, Hashable {
  /// What falls due.
  enum Kind: String, Sendable, CaseIterable {
    /// The signal reaches the end of its two years.
    case expiry
  }

  var kind: Kind
  var signalId: UUID
  var childPseudonym: Pseudonym
  var dueOn: CalendarDate

  /// The event to emit; its id is stable, so a repeated emission is recognisably the same event.
  func event(asOf: CalendarDate, at now: Date) -> SignalEvent {
    switch kind {
    case .expiry:
      SignalEvent(
        eventId: StableID.make("retention", kind.rawValue, signalId.uuidString), type: .expired, occurredAt: now,
        childPseudonym: childPseudonym, expired: SignalExpiry(signalId: signalId, asOf: asOf))
    }
  }
}
