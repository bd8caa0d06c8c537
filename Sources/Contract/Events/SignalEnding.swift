/// A professional ended their active signal on a child before its end date.
public struct SignalEnding: Codable, Sendable, Hashable {
  /// The professional's organisation.
  public var organisationId: String
  /// The professional whose signal ends.
  public var professionalId: String
  /// Why: the risk ended (archive) or the signal was unjustified (delete).
  public var reason: EndReason

  /// Creates an ending.
  public init(organisationId: String, professionalId: String, reason: EndReason) {
    self.organisationId = organisationId
    self.professionalId = professionalId
    self.reason = reason
  }
}
