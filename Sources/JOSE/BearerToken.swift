public import Foundation

/// A verified bearer token of SignalIntake's HTTP API: a JWT (RFC 7519) signed with EdDSA by the organisation's
/// registered key, naming the organisation (`iss`) and the professional (`sub`) it was issued for.
///
/// Obtained only from ``verify(_:now:key:)`` or ``verify(authorization:now:key:)``; every failure there is a 401.
/// Whether the token may act for the professional of a request is the caller's decision (a 403), made with
/// ``authorises(professionalId:)`` (or, in the contract module, `authorises(_:)` with a registered professional).
public struct BearerToken: Sendable, Hashable {
  /// The longest token read at all, in bytes.
  public static let maximumLength = CompactJWS.maximumLength
  /// How far ahead `exp` may be: the contract's "at most 1 hour ahead".
  public static let maximumLifetime: TimeInterval = 3600
  /// How far clocks may disagree: tolerated on `exp`, `nbf` and the maximum lifetime.
  public static let clockSkew: TimeInterval = 60

  /// The organisation that issued and signed the token (`iss`).
  public let organisationId: String
  /// The professional the token was issued for (`sub`).
  public let professionalId: String
  /// When the token expires (`exp`).
  public let expiresAt: Date

  init(organisationId: String, professionalId: String, expiresAt: Date) {
    self.organisationId = organisationId
    self.professionalId = professionalId
    self.expiresAt = expiresAt
  }

  /// Whether the token was issued for the professional `professionalId` (the `professionalId` of a request body).
  public func authorises(professionalId: String) -> Bool {
    self.professionalId == professionalId
  }
}
