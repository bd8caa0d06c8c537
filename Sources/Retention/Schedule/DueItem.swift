import Contract
import Foundation
import KafkaClient
import ServiceKit

/// One lifecycle event that falls due: what, about whom, since when.
struct DueItem: Sendable, Hashable {
  /// What falls due, in the order items of one day are emitted.
  enum Kind: String, Sendable, CaseIterable, Comparable, PostgresTextEnum {
    /// The signal ends in the configured number of days.
    case reminder
    /// The signal reaches the end of its two years.
    case expiry
    /// The archived signal reaches five years in the archive.
    case purge
    /// The child turns 23: everything about it goes.
    case erasure

    /// The order of items due on the same day.
    var rank: Int { Self.allCases.firstIndex(of: self)! }

    static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rank < rhs.rank }
  }

  /// What falls due, with what its event needs.
  enum What: Sendable, Hashable {
    /// A reminder of the signal that ends on `endsOn`.
    case reminder(signalId: UUID, endsOn: CalendarDate)
    /// The end of the signal's two years.
    case expiry(signalId: UUID)
    /// The purge of the signal archived on `archivedOn`.
    case purge(signalId: UUID, archivedOn: CalendarDate)
    /// The child's 23rd birthday.
    case erasure
  }

  var what: What
  var childPseudonym: Pseudonym
  /// The first day the item is due.
  var dueOn: CalendarDate

  /// The kind of `what`.
  var kind: Kind {
    switch what {
    case .reminder: .reminder
    case .expiry: .expiry
    case .purge: .purge
    case .erasure: .erasure
    }
  }

  /// The signal of a reminder, expiry or purge; `nil` for an erasure.
  var signalId: UUID? {
    switch what {
    case .reminder(let signalId, _), .expiry(let signalId), .purge(let signalId, _): signalId
    case .erasure: nil
    }
  }

  /// The subject the decision is recorded for: the signal id (lower case) or the child's pseudonym.
  var subject: String {
    signalId.map { $0.uuidString.lowercased() } ?? childPseudonym.value
  }

  /// The event's id: name-based on kind, subject and due day, so the same decision always makes the same id (also
  /// when a crash makes the next run emit it again), and no two decisions share one (a signal id SignalIntake gives
  /// again after an objection has another end date, so its second reminder is another event).
  var eventId: UUID {
    switch signalId {
    case .some(let signalId): StableID.make("retention", kind.rawValue, signalId.uuidString, dueOn.description)
    case .none: StableID.make("retention", kind.rawValue, "child", childPseudonym.value, dueOn.description)
    }
  }

  /// The event to emit, evaluated at `asOf`, stamped `now`.
  func event(asOf: CalendarDate, at now: Date) -> SignalEvent {
    let change: SignalEvent.Change =
      switch what {
      case .reminder(let signalId, let endsOn): .expiryReminder(SignalReminder(signalId: signalId, endsOn: endsOn))
      case .expiry(let signalId): .expired(SignalExpiry(signalId: signalId, asOf: asOf))
      case .purge(let signalId, let archivedOn): .purged(SignalPurge(signalId: signalId, archivedOn: archivedOn))
      case .erasure: .childErased(ChildErasure(reason: .turned23))
      }
    return SignalEvent(eventId: eventId, occurredAt: now, childPseudonym: childPseudonym, change: change)
  }
}
