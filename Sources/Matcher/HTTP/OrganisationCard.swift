import Registry

/// An organisation as the API shows it: id, name and type, from the registry.
struct OrganisationCard: Encodable, Sendable, Hashable {
  var id: String
  /// `nil` when the registry no longer knows the organisation.
  var name: String?
  var type: String?

  /// The card of `id` in `registry`.
  init(_ id: String, in registry: RegistrySnapshot) {
    self.id = id
    let organisation = registry.organisations[id]
    name = organisation?.name
    type = organisation?.type
  }
}
