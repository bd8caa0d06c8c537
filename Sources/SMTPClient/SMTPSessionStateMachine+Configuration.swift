extension SMTPSessionStateMachine {
  /// The parts of ``SMTPConfiguration`` that decide the session's steps.
  struct Configuration: Sendable {
    /// The domain for EHLO and HELO.
    var heloName: String
    /// Whether STARTTLS must be done before anything else (``SMTPConfiguration/TLSMode/startTLS(_:)``).
    var requiresStartTLS: Bool
    /// Whether the connection is encrypted from the start (``SMTPConfiguration/TLSMode/implicit(_:)``).
    var startsWithTLS: Bool
    /// The credentials, if the client logs in.
    var authentication: SMTPConfiguration.Authentication?

    init(
      heloName: String,
      requiresStartTLS: Bool = false,
      startsWithTLS: Bool = false,
      authentication: SMTPConfiguration.Authentication? = nil
    ) {
      self.heloName = heloName
      self.requiresStartTLS = requiresStartTLS
      self.startsWithTLS = startsWithTLS
      self.authentication = authentication
    }

    init(_ configuration: SMTPConfiguration) {
      self.init(
        heloName: configuration.heloName,
        requiresStartTLS: configuration.tls.isStartTLS,
        startsWithTLS: configuration.tls.isImplicit,
        authentication: configuration.authentication
      )
    }
  }
}
