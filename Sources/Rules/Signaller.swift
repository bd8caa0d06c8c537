/// Who made a signal: the professional and the organisation they signal for.
public struct Signaller: Sendable, Hashable {
  /// The professional's id, unique in the region.
  public var professionalId: String
  /// The organisation's id in the registry.
  public var organisationId: String

  /// A signaller.
  public init(professionalId: String, organisationId: String) {
    self.professionalId = professionalId
    self.organisationId = organisationId
  }
}
