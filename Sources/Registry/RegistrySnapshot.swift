public import Contract

/// The registry as one service knows it at one moment: organisations, professionals and municipalities by id.
public struct RegistrySnapshot: Sendable {
  /// Organisations by id.
  public private(set) var organisations: [String: Organisation] = [:]
  /// Professionals by id.
  public private(set) var professionals: [String: Professional] = [:]
  /// Municipalities by code.
  public private(set) var municipalities: [String: Municipality] = [:]

  /// An empty registry.
  public init() {}

  /// Applies one change (the latest event per entity wins).
  public mutating func apply(_ event: RegistryEvent) {
    switch event.entity {
    case .organisation: organisations[event.id] = event.organisation
    case .professional: professionals[event.id] = event.professional
    case .municipality: municipalities[event.id] = event.municipality
    }
  }
}
