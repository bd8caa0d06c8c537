import Contract
import Registry

/// The other party of a match, as the professional sees it: the professional's and their organisation
/// coordinator's contact details and the organisation, from the registry. Never their reference (their client
/// number) and never anything about another child.
struct PartyContact: Encodable, Sendable, Hashable {
  var professional: Contact?
  var organisation: OrganisationCard
  var coordinator: Contact?

  /// The contact details of `professionalId` of `organisationId`; a missing registry entry leaves its part `nil`.
  init(professionalId: String, organisationId: String, in registry: RegistrySnapshot) {
    professional = registry.professionals[professionalId].map {
      Contact(name: $0.name, email: $0.email, phone: $0.phone)
    }
    organisation = OrganisationCard(organisationId, in: registry)
    coordinator = registry.organisations[organisationId]?.coordinator
  }
}
