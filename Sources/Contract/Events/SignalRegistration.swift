public import Foundation

/// A new signal: who signalled which child, and until when it runs.
public struct SignalRegistration: Codable, Sendable, Hashable {
  /// The signal's id.
  public var signalId: UUID
  /// The signalling organisation.
  public var organisationId: String
  /// The signalling professional.
  public var professionalId: String
  /// The professional's own reference (client number), shown in their notices.
  public var reference: String?
  /// Who was informed of the signal.
  public var informed: Informed
  /// The child, pseudonymised.
  public var child: ChildRecord
  /// When the signal was made.
  public var registeredAt: Date
  /// The last day the signal is active: at most two years after it was made.
  public var endsOn: CalendarDate

  /// Creates a registration.
  public init(
    signalId: UUID, organisationId: String, professionalId: String, reference: String?, informed: Informed,
    child: ChildRecord, registeredAt: Date, endsOn: CalendarDate
  ) {
    self.signalId = signalId
    self.organisationId = organisationId
    self.professionalId = professionalId
    self.reference = reference
    self.informed = informed
    self.child = child
    self.registeredAt = registeredAt
    self.endsOn = endsOn
  }
}
