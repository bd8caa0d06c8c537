extension SMTPError {
  /// The kind of an ``SMTPError``: which step failed and why.
  public struct Kind: Sendable, Hashable, CustomStringConvertible {
    private enum Base: String, Sendable, Hashable {
      case connectionFailed
      case timeout
      case connectionClosed
      case serviceUnavailable
      case greetingRejected
      case commandRejected
      case outOfSequence
      case startTLSUnavailable
      case tlsFailed
      case authenticationUnavailable
      case authenticationFailed
      case senderRejected
      case recipientRejected
      case messageRejected
      case messageTooLarge
      case protocolViolation
      case invalidAddress
      case invalidMessage
      case invalidConfiguration
      case clientShutdown
    }

    private let base: Base

    private init(_ base: Base) {
      self.base = base
    }

    /// The TCP connection to the server could not be made (refused, unreachable, name not resolved).
    /// Transient.
    public static let connectionFailed = Kind(.connectionFailed)

    /// The server did not answer in time (connect, greeting, a command, or the end of the message data).
    /// Transient. After a time-out at the end of the message data the server may still have accepted it, so a
    /// retry can deliver the message twice (RFC 5321 §6.1).
    public static let timeout = Kind(.timeout)

    /// The server closed the connection, or the connection was lost, before the reply arrived. Transient.
    public static let connectionClosed = Kind(.connectionClosed)

    /// The server replied 421: it is shutting down or overloaded and closes the connection. Transient.
    public static let serviceUnavailable = Kind(.serviceUnavailable)

    /// The server's greeting was not 220 (for example 554: the server does not accept mail from us).
    public static let greetingRejected = Kind(.greetingRejected)

    /// A session command (EHLO, HELO, STARTTLS, RSET) got a negative or unexpected reply.
    public static let commandRejected = Kind(.commandRejected)

    /// The server answered a transaction command with 503 (bad sequence of commands): the session is out of step,
    /// not the message (seen with aiosmtpd after it refused a message's data). Transient: the client closes the
    /// connection, and the message goes again on a new one.
    public static let outOfSequence = Kind(.outOfSequence)

    /// STARTTLS is required by the configuration, but the server does not offer it. The client never falls back
    /// to plain text. Permanent: use a server that offers STARTTLS, or configure `.implicit` TLS.
    public static let startTLSUnavailable = Kind(.startTLSUnavailable)

    /// The TLS handshake failed (for example the server's certificate is not trusted or not valid for the host).
    /// Transient, because certificates get fixed; check the TLS configuration if it persists.
    public static let tlsFailed = Kind(.tlsFailed)

    /// Authentication is configured, but the server offers no mechanism the client supports (PLAIN, LOGIN).
    /// Permanent.
    public static let authenticationUnavailable = Kind(.authenticationUnavailable)

    /// The server refused the credentials (535) or could not check them now (454).
    public static let authenticationFailed = Kind(.authenticationFailed)

    /// The server refused the sender address (MAIL FROM).
    public static let senderRejected = Kind(.senderRejected)

    /// The server refused a recipient (RCPT TO); ``SMTPError/recipient`` says which. The whole message fails:
    /// send one message per recipient to deliver to the others.
    public static let recipientRejected = Kind(.recipientRejected)

    /// The server refused the message at DATA or after its content (for example 554 or 552).
    public static let messageRejected = Kind(.messageRejected)

    /// The message is larger than the maximum size the server announced with the SIZE extension. Permanent.
    public static let messageTooLarge = Kind(.messageTooLarge)

    /// The server sent something that is not valid SMTP at this point (a malformed or unexpected reply, or data
    /// after its reply to STARTTLS). Transient.
    public static let protocolViolation = Kind(.protocolViolation)

    /// An e-mail address is not valid (line breaks, no or several `@`, spaces, angle brackets, non-ASCII).
    /// Permanent.
    public static let invalidAddress = Kind(.invalidAddress)

    /// The message cannot be sent as it is (no recipients, or a line break in a header value). Permanent.
    public static let invalidMessage = Kind(.invalidMessage)

    /// The client configuration cannot work (for example an invalid TLS configuration, or credentials on a
    /// connection without TLS). Permanent.
    public static let invalidConfiguration = Kind(.invalidConfiguration)

    /// The client was shut down before or while the message was sent. Transient.
    public static let clientShutdown = Kind(.clientShutdown)

    /// The name of the kind, for example `recipientRejected`.
    public var description: String {
      self.base.rawValue
    }

    var isTransientWithoutReply: Bool {
      switch self.base {
      case .connectionFailed, .timeout, .connectionClosed, .serviceUnavailable, .tlsFailed, .protocolViolation,
        .clientShutdown, .outOfSequence:
        return true
      case .greetingRejected, .commandRejected, .startTLSUnavailable, .authenticationUnavailable,
        .authenticationFailed, .senderRejected, .recipientRejected, .messageRejected, .messageTooLarge,
        .invalidAddress, .invalidMessage, .invalidConfiguration:
        return false
      }
    }

    var isMessageSpecific: Bool {
      switch self.base {
      case .senderRejected, .recipientRejected, .messageRejected, .messageTooLarge, .invalidAddress,
        .invalidMessage:
        return true
      case .connectionFailed, .timeout, .connectionClosed, .serviceUnavailable, .greetingRejected,
        .commandRejected, .outOfSequence, .startTLSUnavailable, .tlsFailed, .authenticationUnavailable,
        .authenticationFailed,
        .protocolViolation, .invalidConfiguration, .clientShutdown:
        return false
      }
    }
  }
}
