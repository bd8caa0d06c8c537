public import Foundation

/// What regie is decided on for one signal (DOMAIN ).
public struct RegieCandidate: Sendable, Hashable {
  /// The type of the signalling organisation, as the registry has it.
  public var organisationType: String
  /// When the signal was made.
  public var registeredAt: Date
  /// The signal's id: decides between two signals made at the same instant, so that regie is never a tie.
  public var signalId: UUID

  /// A candidate.
  public init(organisationType: String, registeredAt: Date, signalId: UUID) {
    self.organisationType = organisationType
    self.registeredAt = registeredAt
    self.signalId = signalId
  }
}
