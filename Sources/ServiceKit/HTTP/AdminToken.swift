import Crypto
public import Hummingbird

/// The region administrator's bearer token, checked in constant time.
public struct AdminToken: Sendable {
  private let digest: SHA256.Digest

  /// Wraps the configured token.
  public init(_ token: String) {
    digest = SHA256.hash(data: Array(token.utf8))
  }

  /// Throws 401 when the request carries no bearer token, 403 when it is not the admin token. Comparing digests
  /// (swift-crypto compares them in constant time) keeps the token's length and content from leaking by timing.
  public func authorize(_ request: Request) throws {
    guard let header = request.headers[.authorization], header.hasPrefix("Bearer ") else {
      throw ProblemDetails(status: .unauthorized, detail: "send Authorization: Bearer <admin token>")
    }
    guard SHA256.hash(data: Array(header.dropFirst("Bearer ".count).utf8)) == digest else {
      throw ProblemDetails(status: .forbidden, detail: "the token is not the admin token")
    }
  }
}
