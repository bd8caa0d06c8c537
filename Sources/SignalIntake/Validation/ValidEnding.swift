import Contract

/// An end command that passed validation, already pseudonymised.
struct ValidEnding: Sendable, Hashable {
  var organisationId: String
  var professionalId: String
  var childPseudonym: Pseudonym
  var reason: EndReason
  var rekeying: Rekeying?
}
