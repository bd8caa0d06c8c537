extension SMTPConfiguration {
  /// Credentials for SMTP authentication (RFC 4954).
  ///
  /// The description never contains the password.
  public struct Authentication: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The SASL mechanism to log in with.
    public struct Method: Sendable, Hashable, CustomStringConvertible {
      enum Base: Sendable, Hashable {
        case automatic
        case plain
        case login
      }

      let base: Base

      private init(_ base: Base) {
        self.base = base
      }

      /// PLAIN when the server offers it, otherwise LOGIN.
      public static let automatic = Method(.automatic)

      /// `AUTH PLAIN` (RFC 4616) only.
      public static let plain = Method(.plain)

      /// `AUTH LOGIN` only (not standardised, but offered by many servers).
      public static let login = Method(.login)

      /// `automatic`, `PLAIN` or `LOGIN`.
      public var description: String {
        switch self.base {
        case .automatic: return "automatic"
        case .plain: return "PLAIN"
        case .login: return "LOGIN"
        }
      }
    }

    /// The user name.
    public var username: String

    /// The password.
    public var password: String

    /// The mechanism; ``Method/automatic`` by default.
    public var method: Method

    /// Whether credentials may be sent over a connection without TLS. Only for local test servers;
    /// `false` by default, so a configuration with ``TLSMode/none`` and credentials is refused.
    public var allowsInsecureTransport: Bool

    /// Creates credentials.
    ///
    /// - Parameters:
    ///   - username: The user name.
    ///   - password: The password.
    ///   - method: The mechanism; PLAIN if offered, else LOGIN, by default.
    ///   - allowsInsecureTransport: Whether to send the credentials without TLS (local test servers only).
    public init(username: String, password: String, method: Method = .automatic, allowsInsecureTransport: Bool = false)
    {
      self.username = username
      self.password = password
      self.method = method
      self.allowsInsecureTransport = allowsInsecureTransport
    }

    /// The user name and method; the password is redacted.
    public var description: String {
      "Authentication(username: \(self.username), password: <redacted>, method: \(self.method))"
    }

    /// Same as ``description``.
    public var debugDescription: String {
      self.description
    }

    func validate() throws {
      let forbidden: (Unicode.Scalar) -> Bool = { $0 == "\r" || $0 == "\n" || $0 == "\0" }
      guard !self.username.unicodeScalars.contains(where: forbidden),
        !self.password.unicodeScalars.contains(where: forbidden)
      else {
        throw SMTPError(
          kind: .invalidConfiguration,
          detail: "The user name and password must not contain CR, LF or NUL."
        )
      }
    }
  }
}
