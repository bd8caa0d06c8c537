import Foundation
import NIOSSL
public import PostgresNIO

/// A parsed `postgres://user:password@host:port/database?sslmode=...` URL.
public struct PostgresURL: Sendable, CustomStringConvertible {
  /// How to use TLS, after libpq's `sslmode`.
  public enum TLSMode: String, Sendable {
    /// No TLS (loopback and private networks only).
    case disable
    /// TLS, without verifying the server's certificate.
    case require
    /// TLS, verifying the certificate and host name against the system's trust roots.
    case verifyFull = "verify-full"
  }

  /// Server host.
  public var host: String
  /// Server port.
  public var port: Int
  /// User name.
  public var username: String
  /// Password.
  public var password: String?
  /// Database name.
  public var database: String
  /// TLS mode.
  public var tls: TLSMode
  /// The most connections a client made from ``clientConfiguration`` opens; not part of the URL (the services set
  /// it from `VI_POSTGRES_POOL_SIZE`).
  public var poolSize = Self.defaultPoolSize

  /// The pool size unless one is set.
  public static let defaultPoolSize = 10

  /// Parses a URL; `nil` when it is not a usable PostgreSQL URL.
  public init?(string: String) {
    guard let components = URLComponents(string: string),
      components.scheme == "postgres" || components.scheme == "postgresql",
      let host = components.host, !host.isEmpty, let user = components.user, !user.isEmpty
    else { return nil }
    let database = String(components.path.drop { $0 == "/" })
    guard !database.isEmpty else { return nil }
    let sslmode = components.queryItems?.first { $0.name == "sslmode" }?.value ?? "disable"
    guard let tls = TLSMode(rawValue: sslmode) else { return nil }
    self.host = host
    self.port = components.port ?? 5432
    self.username = user.removingPercentEncoding ?? user
    self.password = components.password.map { $0.removingPercentEncoding ?? $0 }
    self.database = database
    self.tls = tls
  }

  /// The URL without its password, for logs.
  public var description: String { "postgres://\(username)@\(host):\(port)/\(database)?sslmode=\(tls.rawValue)" }

  /// A PostgresNIO client configuration for this URL.
  public var clientConfiguration: PostgresClient.Configuration {
    let tls: PostgresClient.Configuration.TLS =
      switch self.tls {
      case .disable: .disable
      case .require:
        .require(
          {
            var configuration = TLSConfiguration.makeClientConfiguration()
            configuration.certificateVerification = .none
            return configuration
          }())
      case .verifyFull: .require(.makeClientConfiguration())
      }
    var configuration = PostgresClient.Configuration(
      host: host, port: port, username: username, password: password, database: database, tls: tls)
    configuration.options.minimumConnections = 1
    configuration.options.maximumConnections = poolSize
    return configuration
  }
}
