/// The professional (and so the organisation) that coordinates the help around a child.
public struct RegieHolder: Codable, Sendable, Hashable {
  /// The organisation that has regie.
  public var organisationId: String
  /// Its professional whose signal gave it regie.
  public var professionalId: String

  /// Creates a holder.
  public init(organisationId: String, professionalId: String) {
    self.organisationId = organisationId
    self.professionalId = professionalId
  }
}
