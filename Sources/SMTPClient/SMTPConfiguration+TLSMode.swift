public import NIOSSL

extension SMTPConfiguration {
  /// Whether and how the connection to the server is encrypted.
  ///
  /// There is no opportunistic mode: with ``startTLS(_:)`` the client fails with
  /// ``SMTPError/Kind/startTLSUnavailable`` when the server does not offer STARTTLS, and never falls back to
  /// plain text.
  public struct TLSMode: Sendable {
    enum Base: Sendable {
      case none
      case startTLS(TLSConfiguration)
      case implicit(TLSConfiguration)
    }

    let base: Base

    private init(_ base: Base) {
      self.base = base
    }

    /// No encryption (port 25 between servers, or a local test server). Credentials are refused unless
    /// ``SMTPConfiguration/Authentication/allowsInsecureTransport`` is set.
    public static let none = TLSMode(.none)

    /// Plain TCP first, then STARTTLS (RFC 3207) before anything else is sent; the usual mode on port 587.
    /// STARTTLS is required: a server that does not offer it is an error.
    ///
    /// - Parameter configuration: The TLS configuration. The default verifies the server's certificate against
    ///   the system's trust roots and the configured host name. Tests can pass a configuration that trusts
    ///   their own certificate authority (`trustRoots`).
    public static func startTLS(_ configuration: TLSConfiguration = .makeClientConfiguration()) -> TLSMode {
      TLSMode(.startTLS(configuration))
    }

    /// TLS from the first byte (RFC 8314 "implicit TLS"); the usual mode on port 465.
    ///
    /// - Parameter configuration: The TLS configuration; see ``startTLS(_:)``.
    public static func implicit(_ configuration: TLSConfiguration = .makeClientConfiguration()) -> TLSMode {
      TLSMode(.implicit(configuration))
    }

    var tlsConfiguration: TLSConfiguration? {
      switch self.base {
      case .none: return nil
      case .startTLS(let configuration), .implicit(let configuration): return configuration
      }
    }

    var isEncrypted: Bool {
      self.tlsConfiguration != nil
    }

    var isStartTLS: Bool {
      if case .startTLS = self.base { return true }
      return false
    }

    var isImplicit: Bool {
      if case .implicit = self.base { return true }
      return false
    }

    var defaultPort: Int {
      switch self.base {
      case .none: return 25
      case .startTLS: return 587
      case .implicit: return 465
      }
    }
  }
}
