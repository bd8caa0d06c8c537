import Contract
import Foundation
import Rules

/// One of the reader's own signals, with its matches.
struct OwnSignal: Encodable, Sendable, Hashable {
  /// The child as the reader's own signal describes it.
  struct Child: Encodable, Sendable, Hashable {
    var initials: String
    var birthDate: CalendarDate
    var gender: String
  }

  var signalId: ResourceID
  /// The reader's own reference (their client number), as they sent it.
  var reference: String?
  var child: Child
  var informed: Informed
  /// `active` or `archived`.
  var status: SignalStatus
  /// Why it was archived: `riskEnded` or `expired`.
  var archiveReason: ArchiveReason?
  var registeredAt: Date
  /// The day it ends (or ended) at the latest.
  var endsOn: CalendarDate
  var archivedAt: Date?
  var matches: [OwnMatch]
}
