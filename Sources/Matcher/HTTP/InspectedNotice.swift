import Foundation

/// An archived signal on the child that was shown, once, as historical involvement to a professional who signalled
/// the child again.
struct InspectedNotice: Encodable, Sendable, Hashable {
  var archivedSignalId: ResourceID
  /// The professional it was shown to (with their organisation as the registry knows it now).
  var shownTo: ProfessionalCard
  var shownAt: Date
}
