public import JOSE

extension BearerToken {
  /// Whether the token was issued for `professional`, by that professional's own organisation. Whether the
  /// professional and organisation are active is for the caller to check.
  public func authorises(_ professional: Professional) -> Bool {
    professional.id == professionalId && professional.organisationId == organisationId
  }
}
