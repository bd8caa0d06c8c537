extension SMTPSessionStateMachine {
  /// Where the SMTP session is, and what the client waits for.
  enum State: Sendable, Hashable {
    /// The channel is not active yet.
    case initialized
    /// Connected; waiting for the server's 220 greeting.
    case awaitingGreeting
    /// Sent EHLO; waiting for its reply.
    case awaitingEHLOReply
    /// EHLO was refused; sent HELO and waiting for its reply.
    case awaitingHELOReply
    /// Sent STARTTLS; waiting for 220.
    case awaitingStartTLSReply
    /// Got 220 to STARTTLS; the TLS handler is being added.
    case startingTLS
    /// Sent an AUTH command or response; waiting for the reply.
    case authenticating(AuthenticationStep)
    /// Logged in (if configured) and idle: a message can be sent.
    case ready
    /// A mail transaction is under way.
    case transaction(Transaction)
    /// A transaction failed; sent RSET and waiting for its reply before the failure is reported.
    case resetting(SMTPError)
    /// Sent QUIT; waiting for 221.
    case quitting
    /// The connection is closed or being closed; nothing more can be sent.
    case closed
  }
}
