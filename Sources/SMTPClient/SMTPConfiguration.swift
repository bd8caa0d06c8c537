public import NIOCore

/// How ``SMTPClient`` connects to its server: address, TLS, credentials and time-outs.
///
/// ```swift
/// let configuration = SMTPConfiguration(
///   host: "smtp.example.nl",
///   tls: .startTLS(),
///   authentication: .init(username: "notifier", password: secret),
///   heloName: "notifier.verwijsindex.example.nl"
/// )
/// ```
public struct SMTPConfiguration: Sendable {
  /// The server's host name or IP address.
  public var host: String

  /// The server's TCP port.
  public var port: Int

  /// Whether and how the connection is encrypted.
  public var tls: TLSMode

  /// The credentials to log in with, or `nil` to send without logging in.
  public var authentication: Authentication?

  /// The client's own fully qualified domain name, sent with EHLO (or HELO).
  public var heloName: String

  /// How long the client waits for each reply: the greeting, every command, and the reply after the end of the
  /// message data. A TLS handshake after STARTTLS counts towards the EHLO that follows it.
  public var commandTimeout: TimeAmount

  /// How long the client waits for the TCP connection to be established.
  public var connectTimeout: TimeAmount

  /// Creates a configuration.
  ///
  /// - Parameters:
  ///   - host: The server's host name or IP address.
  ///   - port: The server's port; `nil` picks the usual one for `tls`: 25 for ``TLSMode/none``, 587 for
  ///     ``TLSMode/startTLS(_:)``, 465 for ``TLSMode/implicit(_:)``.
  ///   - tls: Whether and how the connection is encrypted. The default requires STARTTLS and verifies the
  ///     server's certificate against the system's trust roots and the host name.
  ///   - authentication: The credentials to log in with, or `nil`.
  ///   - heloName: The client's own domain name for EHLO; set it to the host's real name in production.
  ///   - commandTimeout: How long to wait for each reply (30 seconds by default).
  ///   - connectTimeout: How long to wait for the TCP connection (30 seconds by default).
  public init(
    host: String,
    port: Int? = nil,
    tls: TLSMode = .startTLS(),
    authentication: Authentication? = nil,
    heloName: String = "localhost",
    commandTimeout: TimeAmount = .seconds(30),
    connectTimeout: TimeAmount = .seconds(30)
  ) {
    self.host = host
    self.port = port ?? tls.defaultPort
    self.tls = tls
    self.authentication = authentication
    self.heloName = heloName
    self.commandTimeout = commandTimeout
    self.connectTimeout = connectTimeout
  }
}

extension SMTPConfiguration {
  /// Checks the parts that would otherwise fail late or inject commands.
  func validate() throws {
    guard !self.host.isEmpty else {
      throw SMTPError(kind: .invalidConfiguration, detail: "The host is empty.")
    }
    guard (1...65535).contains(self.port) else {
      throw SMTPError(kind: .invalidConfiguration, detail: "The port \(self.port) is not between 1 and 65535.")
    }
    guard !self.heloName.isEmpty,
      self.heloName.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 32 && $0.value < 127 })
    else {
      throw SMTPError(
        kind: .invalidConfiguration,
        detail: "The HELO name must be a domain name or address literal in printable ASCII without spaces."
      )
    }
    guard self.commandTimeout > .zero, self.connectTimeout > .zero else {
      throw SMTPError(kind: .invalidConfiguration, detail: "Time-outs must be positive.")
    }
    if let authentication = self.authentication {
      try authentication.validate()
      if !self.tls.isEncrypted && !authentication.allowsInsecureTransport {
        throw SMTPError(
          kind: .invalidConfiguration,
          detail: "Refusing to send credentials without TLS: use .startTLS or .implicit, "
            + "or set allowsInsecureTransport for a local test server."
        )
      }
    }
  }
}
