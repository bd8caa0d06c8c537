import Contract
import Foundation
import Hummingbird
import JOSE
import Registry
import ServiceKit

/// Checks a professional's bearer token exactly as SignalIntake's HTTP API does (EdDSA JWT signed with the
/// organisation's registered key, `iss` the organisation, `sub` the professional, `exp` at most an hour ahead), with
/// the keys of the Matcher's own copy of the registry.
struct ProfessionalAuthenticator: Sendable {
  let registry: RegistryReplica

  /// The professional the request is from: 401 without a valid token of an active, registered organisation; 403
  /// when the token's professional is not a registered, active professional of that organisation.
  func professional(_ request: Request, now: Date = Date()) throws -> Professional {
    let snapshot = registry.current
    let token: BearerToken
    do {
      token = try BearerToken.verify(authorization: request.headers[.authorization], now: now) { issuer in
        guard let organisation = snapshot.organisations[issuer], organisation.active else { return nil }
        return try? OrganisationKey.parse(organisation.publicKey)
      }
    } catch {
      throw ProblemDetails(status: .unauthorized, detail: error.message)
    }
    guard let professional = snapshot.professionals[token.professionalId], token.authorises(professional) else {
      throw ProblemDetails(
        status: .forbidden, detail: "the token's professional is not registered under the token's organisation")
    }
    guard professional.active else {
      throw ProblemDetails(status: .forbidden, detail: "the token's professional is not active")
    }
    return professional
  }
}
