public import Foundation

/// An archived signal, as shown in a historical-involvement notice: who was involved and when, nothing else.
public struct ArchivedInvolvement: Codable, Sendable, Hashable {
  /// The archived signal.
  public var signalId: UUID
  /// Its organisation.
  public var organisationId: String
  /// Its professional, whose contact details the notice gives.
  public var professionalId: String
  /// The day it was made.
  public var registeredOn: CalendarDate
  /// The day it was archived.
  public var archivedOn: CalendarDate

  /// Creates an archived involvement.
  public init(
    signalId: UUID, organisationId: String, professionalId: String, registeredOn: CalendarDate,
    archivedOn: CalendarDate
  ) {
    self.signalId = signalId
    self.organisationId = organisationId
    self.professionalId = professionalId
    self.registeredOn = registeredOn
    self.archivedOn = archivedOn
  }
}
