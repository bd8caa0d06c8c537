import Registry

/// Who has regie (coordinates) on a match, by name, and whether that is the reader.
struct RegieView: Encodable, Sendable, Hashable {
  var organisation: OrganisationCard
  /// The coordinating professional's name; `nil` when the registry no longer knows them.
  var professionalName: String?
  /// Whether the reader has regie.
  var you: Bool

  /// The regie of `organisationId`/`professionalId`, seen by `reader`.
  init(organisationId: String, professionalId: String, reader: String, in registry: RegistrySnapshot) {
    organisation = OrganisationCard(organisationId, in: registry)
    professionalName = registry.professionals[professionalId]?.name
    you = professionalId == reader
  }
}
