/// A change in the registry, on the compacted registry topic keyed by ``key``: the latest event per key is the
/// current state of that organisation, professional or municipality.
public struct RegistryEvent: Codable, Sendable, Hashable {
  /// Which kind of entry changed.
  public enum Entity: String, Codable, Sendable {
    /// An organisation.
    case organisation
    /// A professional.
    case professional
    /// A municipality.
    case municipality
  }

  /// Which kind of entry changed.
  public var entity: Entity
  /// The entry's id (a municipality's code).
  public var id: String
  /// The organisation, for ``Entity/organisation``.
  public var organisation: Organisation?
  /// The professional, for ``Entity/professional``.
  public var professional: Professional?
  /// The municipality, for ``Entity/municipality``.
  public var municipality: Municipality?

  /// The record key: entity and id.
  public var key: String { "\(entity.rawValue)/\(id)" }

  /// An organisation changed.
  public init(_ organisation: Organisation) {
    entity = .organisation
    id = organisation.id
    self.organisation = organisation
  }

  /// A professional changed.
  public init(_ professional: Professional) {
    entity = .professional
    id = professional.id
    self.professional = professional
  }

  /// A municipality changed.
  public init(_ municipality: Municipality) {
    entity = .municipality
    id = municipality.code
    self.municipality = municipality
  }
}
