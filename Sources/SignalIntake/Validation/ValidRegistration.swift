import Contract
import Foundation

/// A register command that passed validation, already pseudonymised: nothing in it identifies the child.
struct ValidRegistration: Sendable, Hashable {
  var organisationId: String
  var professionalId: String
  var reference: String?
  var informed: Informed
  var childPseudonym: Pseudonym
  var child: ChildRecord
  var rekeying: Rekeying?
}
