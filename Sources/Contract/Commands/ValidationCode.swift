/// The stable code of a problem with a command's content or an admin body, as `errors[].code` of a `422` carries it.
///
/// SignalIntake's validator (for the HTTP API and the intake topic alike) and its admin API report these codes, and
/// `contract/openapi.yaml` lists exactly them (`ContractTests` holds the two together). The raw value is the code.
public enum ValidationCode: String, Codable, Sendable, CaseIterable {
  /// A required field is missing or blank.
  case required
  /// Too long, or too many parent BSNs.
  case length
  /// Not one of the allowed values.
  case `enum`
  /// A `reason` in a register command.
  case unexpected
  /// A control character in a text.
  case textControl = "text.control"
  /// Not 9 digits passing the elfproef.
  case bsnInvalid = "bsn.invalid"
  /// A parent BSN equal to the child's.
  case bsnParent = "bsn.parent"
  /// Not a real date written `YYYY-MM-DD`.
  case dateInvalid = "date.invalid"
  /// A birth date in the future.
  case dateFuture = "date.future"
  /// The young person is 23 or older.
  case ageLimit = "age.limit"
  /// The `informed` value does not fit the age.
  case informedAge = "informed.age"
  /// Not a postcode such as `1234AB`.
  case postcodeInvalid = "postcode.invalid"
  /// Not a house number from 1 to 99999.
  case houseNumberInvalid = "houseNumber.invalid"
  /// The sending organisation is not registered.
  case organisationUnknown = "organisation.unknown"
  /// The sending organisation is not active.
  case organisationInactive = "organisation.inactive"
  /// The professional is not registered.
  case professionalUnknown = "professional.unknown"
  /// The professional belongs to another organisation.
  case professionalOrganisation = "professional.organisation"
  /// The professional is not active.
  case professionalInactive = "professional.inactive"
  /// Not an Ed25519 public key (admin API).
  case publicKeyInvalid = "publicKey.invalid"
  /// A path id that is empty, too long or holds a control character (admin API).
  case idInvalid = "id.invalid"
}
