import Registry

/// A professional and their organisation, as the inspection names the parties of signals, matches and regie.
struct InspectedParty: Encodable, Sendable, Hashable {
  var organisation: OrganisationCard
  var professional: ProfessionalCard

  /// The party `professionalId` of `organisationId`, named from `registry`.
  init(organisationId: String, professionalId: String, in registry: RegistrySnapshot) {
    organisation = OrganisationCard(organisationId, in: registry)
    professional = ProfessionalCard(professionalId, in: registry)
  }
}
