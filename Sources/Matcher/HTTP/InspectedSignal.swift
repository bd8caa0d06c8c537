import Contract
import Foundation
import Rules

/// A signal on the child, active or archived: who made it, since when, until when.
struct InspectedSignal: Encodable, Sendable, Hashable {
  var signalId: ResourceID
  var by: InspectedParty
  /// The organisation's own reference (its client number) for the child.
  var reference: String?
  /// The child as this signal describes it.
  var child: OwnSignal.Child
  var informed: Informed
  var municipality: String
  /// `active` or `archived`.
  var status: SignalStatus
  /// `riskEnded` or `expired`.
  var archiveReason: ArchiveReason?
  var registeredAt: Date
  var endsOn: CalendarDate
  var archivedAt: Date?
}
