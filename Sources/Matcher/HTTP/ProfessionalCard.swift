import Registry

/// A professional as the administrator's inspection shows them: id and name, from the registry.
struct ProfessionalCard: Encodable, Sendable, Hashable {
  var id: String
  /// `nil` when the registry no longer knows the professional.
  var name: String?

  /// The card of `id` in `registry`.
  init(_ id: String, in registry: RegistrySnapshot) {
    self.id = id
    name = registry.professionals[id]?.name
  }
}
