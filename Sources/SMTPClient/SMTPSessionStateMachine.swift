#if canImport(FoundationEssentials)
internal import FoundationEssentials
#else
internal import Foundation
#endif

/// The SMTP session (RFC 5321) as a state machine, without any I/O.
///
/// The channel handler reports events (the channel became active, a reply arrived, a message should be sent,
/// the reply time-out fired, an error occurred, the channel closed) and executes the ``Action`` that each event
/// returns. The session goes:
///
/// ```
/// greeting 220 → EHLO (HELO if EHLO gets 5xx) → [STARTTLS → TLS → EHLO] → [AUTH PLAIN | AUTH LOGIN] → ready
/// ready → MAIL FROM → RCPT TO (each recipient) → DATA → 354 → content and "." → ready
///                 └ refused (also the data): RSET → ready (the message fails; the connection stays)
///                 └ 503, bad sequence: close (the message is tried again on a new connection)
/// ready → QUIT → closed
/// ```
///
/// Only one command is outstanding at any time (no PIPELINING). A 421 reply closes the connection at any step.
struct SMTPSessionStateMachine {
  private(set) var state: State = .initialized

  /// The extensions of the last EHLO reply; reset by STARTTLS.
  private(set) var capabilities: SMTPCapabilities?

  /// Whether the connection is encrypted (implicit TLS, or after STARTTLS).
  private(set) var isTLSActive: Bool

  private let configuration: Configuration
  private var didStartTLS = false
  private var lastCommand: SMTPCommand?

  init(configuration: Configuration) {
    self.configuration = configuration
    self.isTLSActive = configuration.startsWithTLS
  }

  // MARK: - Events

  /// The channel became active (TCP connected).
  mutating func channelActive() -> Action {
    guard case .initialized = self.state else {
      return .none
    }
    self.state = .awaitingGreeting
    return .awaitGreeting
  }

  /// A complete reply arrived from the server.
  mutating func replyReceived(_ reply: SMTPReply) -> Action {
    switch self.state {
    case .initialized, .startingTLS:
      return self.failStartup(self.unexpected(reply))
    case .awaitingGreeting:
      return self.greetingReceived(reply)
    case .awaitingEHLOReply:
      return self.ehloReplyReceived(reply)
    case .awaitingHELOReply:
      guard reply.isPositiveCompletion else {
        return self.failStartup(self.rejection(.commandRejected, reply))
      }
      self.capabilities = SMTPCapabilities.none
      return self.helloCompleted()
    case .awaitingStartTLSReply:
      guard reply.code == 220 else {
        return self.failStartup(self.rejection(.startTLSUnavailable, reply))
      }
      self.state = .startingTLS
      return .startTLS
    case .authenticating(let step):
      return self.authenticationReplyReceived(reply, step: step)
    case .ready:
      // Servers send 421 when they close an idle connection; anything else is out of turn.
      self.state = .closed
      return .close
    case .transaction(let transaction):
      return self.transactionReplyReceived(reply, transaction: transaction)
    case .resetting(let failure):
      if reply.isPositiveCompletion {
        self.state = .ready
        return .failMessage(failure)
      }
      self.state = .closed
      return .failMessageAndClose(failure)
    case .quitting:
      self.state = .closed
      return .close
    case .closed:
      return .none
    }
  }

  /// The TLS handler was added after the server's 220 reply to STARTTLS.
  mutating func tlsStarted() -> Action {
    guard case .startingTLS = self.state else {
      return .none
    }
    // RFC 3207 §4.2: forget everything learned before TLS and say EHLO again.
    self.isTLSActive = true
    self.didStartTLS = true
    self.capabilities = nil
    self.state = .awaitingEHLOReply
    return self.send(.ehlo(self.configuration.heloName))
  }

  /// The caller wants to send a message.
  mutating func messageRequested(_ envelope: SMTPEnvelope) -> Action {
    switch self.state {
    case .ready:
      guard !envelope.recipients.isEmpty else {
        return .failMessage(SMTPError(kind: .invalidMessage, detail: "The message has no recipients."))
      }
      let size = envelope.data.readableBytes
      if let maximum = self.capabilities?.maximumMessageSize, size > maximum {
        return .failMessage(
          SMTPError(
            kind: .messageTooLarge,
            detail: "The message has \(size) bytes; the server accepts at most \(maximum)."
          )
        )
      }
      self.state = .transaction(Transaction(envelope: envelope, step: .mailFrom))
      let announcedSize = self.capabilities?.supportsSize == true ? size : nil
      return self.send(.mailFrom(envelope.sender, size: announcedSize))
    case .closed:
      return .failMessage(
        SMTPError(kind: .connectionClosed, detail: "The connection was closed before the message was sent.")
      )
    case .quitting:
      return .failMessage(SMTPError(kind: .clientShutdown, detail: "The connection is being closed."))
    case .initialized, .awaitingGreeting, .awaitingEHLOReply, .awaitingHELOReply, .awaitingStartTLSReply,
      .startingTLS, .authenticating, .transaction, .resetting:
      return .failMessage(
        SMTPError(
          kind: .protocolViolation,
          detail: "A message was requested while the connection was busy (a bug in the SMTP client)."
        )
      )
    }
  }

  /// The caller wants to close the connection.
  mutating func quitRequested() -> Action {
    switch self.state {
    case .ready:
      self.state = .quitting
      return self.send(.quit)
    case .quitting, .closed:
      return .none
    case .initialized, .awaitingGreeting, .awaitingEHLOReply, .awaitingHELOReply, .awaitingStartTLSReply,
      .startingTLS, .authenticating, .transaction, .resetting:
      return self.fail(SMTPError(kind: .clientShutdown, detail: "The connection was closed by the client."))
    }
  }

  /// No reply arrived within the command time-out.
  mutating func timeoutFired() -> Action {
    switch self.state {
    case .initialized, .ready, .closed:
      return .none
    case .quitting:
      self.state = .closed
      return .close
    case .awaitingGreeting:
      return self.fail(SMTPError(kind: .timeout, detail: "The server sent no greeting in time."))
    case .startingTLS:
      return self.fail(SMTPError(kind: .timeout, command: "STARTTLS", detail: "The TLS handshake took too long."))
    case .transaction(let transaction) where transaction.step == .content:
      return self.fail(
        SMTPError(
          kind: .timeout,
          command: "DATA",
          detail: "The server did not confirm the message content in time; it may still deliver it."
        )
      )
    case .awaitingEHLOReply, .awaitingHELOReply, .awaitingStartTLSReply, .authenticating, .transaction,
      .resetting:
      let command = self.lastCommand?.name ?? "the last command"
      return self.fail(
        SMTPError(
          kind: .timeout, command: self.lastCommand?.name, detail: "The server did not reply to \(command) in time.")
      )
    }
  }

  /// An error occurred in the channel (a TLS or network error, or a malformed reply).
  mutating func errorCaught(_ error: SMTPError) -> Action {
    switch self.state {
    case .closed:
      return .none
    case .ready, .quitting:
      self.state = .closed
      return .close
    default:
      var error = error
      if error.command == nil && error.kind != .tlsFailed {
        error.command = self.lastCommand?.name
      }
      return self.fail(error)
    }
  }

  /// The channel closed (the server closed the connection, or the network failed).
  mutating func channelInactive() -> Action {
    switch self.state {
    case .closed:
      return .none
    case .ready, .quitting:
      self.state = .closed
      return .none
    default:
      return self.fail(
        SMTPError(
          kind: .connectionClosed,
          command: self.lastCommand?.name,
          detail: "The server closed the connection before it replied."
        )
      )
    }
  }

  // MARK: - Session set-up

  private mutating func greetingReceived(_ reply: SMTPReply) -> Action {
    guard reply.code == 220 else {
      return self.failStartup(self.rejection(.greetingRejected, reply))
    }
    self.state = .awaitingEHLOReply
    return self.send(.ehlo(self.configuration.heloName))
  }

  private mutating func ehloReplyReceived(_ reply: SMTPReply) -> Action {
    if reply.isPositiveCompletion {
      self.capabilities = SMTPCapabilities(ehloReply: reply)
      return self.helloCompleted()
    }
    guard reply.isPermanentNegative, !self.didStartTLS else {
      return self.failStartup(self.rejection(.commandRejected, reply))
    }
    if self.configuration.requiresStartTLS && !self.isTLSActive {
      var error = self.rejection(.startTLSUnavailable, reply)
      error.detail = "The server refused EHLO, so it cannot offer STARTTLS, which the configuration requires."
      return self.failStartup(error)
    }
    self.state = .awaitingHELOReply
    return self.send(.helo(self.configuration.heloName))
  }

  private mutating func helloCompleted() -> Action {
    let capabilities = self.capabilities ?? .none
    if self.configuration.requiresStartTLS && !self.isTLSActive {
      guard capabilities.supportsStartTLS else {
        return self.failStartup(
          SMTPError(
            kind: .startTLSUnavailable,
            command: "EHLO",
            detail: "The server does not offer STARTTLS, which the configuration requires; "
              + "the client does not fall back to plain text."
          )
        )
      }
      self.state = .awaitingStartTLSReply
      return self.send(.startTLS)
    }
    guard let authentication = self.configuration.authentication else {
      self.state = .ready
      return .succeedStartup(capabilities)
    }
    guard self.isTLSActive || authentication.allowsInsecureTransport else {
      return self.failStartup(
        SMTPError(kind: .invalidConfiguration, detail: "Refusing to send credentials over a connection without TLS.")
      )
    }
    let offered = capabilities.authenticationMechanisms
    let usePlain: Bool
    switch authentication.method.base {
    case .automatic where offered.contains("PLAIN"), .plain where offered.contains("PLAIN"):
      usePlain = true
    case .automatic where offered.contains("LOGIN"), .login where offered.contains("LOGIN"):
      usePlain = false
    default:
      let list = offered.isEmpty ? "none" : offered.sorted().joined(separator: " ")
      return self.failStartup(
        SMTPError(
          kind: .authenticationUnavailable,
          command: "EHLO",
          detail: "The server offers the AUTH mechanisms \(list); the configuration needs \(authentication.method)."
        )
      )
    }
    if usePlain {
      self.state = .authenticating(.plain)
      let credentials = "\0\(authentication.username)\0\(authentication.password)"
      return self.send(.auth(mechanism: "PLAIN", initialResponse: Self.base64(credentials)))
    }
    self.state = .authenticating(.loginUsername)
    return self.send(.auth(mechanism: "LOGIN", initialResponse: nil))
  }

  private mutating func authenticationReplyReceived(_ reply: SMTPReply, step: AuthenticationStep) -> Action {
    guard let authentication = self.configuration.authentication else {
      return self.failStartup(self.unexpected(reply))
    }
    switch step {
    case .plain, .loginResult:
      guard reply.isPositiveCompletion else {
        return self.failStartup(self.rejection(.authenticationFailed, reply))
      }
      self.state = .ready
      return .succeedStartup(self.capabilities ?? .none)
    case .loginUsername:
      guard reply.code == 334 else {
        return self.failStartup(self.rejection(.authenticationFailed, reply))
      }
      self.state = .authenticating(.loginPassword)
      return self.send(.authResponse(Self.base64(authentication.username)))
    case .loginPassword:
      guard reply.code == 334 else {
        return self.failStartup(self.rejection(.authenticationFailed, reply))
      }
      self.state = .authenticating(.loginResult)
      return self.send(.authResponse(Self.base64(authentication.password)))
    }
  }

  // MARK: - Mail transaction

  private mutating func transactionReplyReceived(_ reply: SMTPReply, transaction: Transaction) -> Action {
    var transaction = transaction
    let envelope = transaction.envelope
    if reply.code == 421 {
      self.state = .closed
      return .failMessageAndClose(SMTPError(kind: .serviceUnavailable, reply: reply, command: self.lastCommand))
    }
    if reply.code == 503 {
      // Bad sequence of commands: the server's session is out of step with ours, so nothing said on this
      // connection can be trusted. A new connection starts both afresh.
      self.state = .closed
      return .failMessageAndClose(SMTPError(kind: .outOfSequence, reply: reply, command: self.lastCommand))
    }
    switch transaction.step {
    case .mailFrom:
      guard reply.isPositiveCompletion else {
        return self.reset(after: self.rejection(.senderRejected, reply))
      }
      transaction.step = .recipient(0)
      self.state = .transaction(transaction)
      return self.send(.rcptTo(envelope.recipients[0]))
    case .recipient(let index):
      guard reply.isPositiveCompletion else {
        let recipient = envelope.recipients[index]
        return self.reset(
          after: SMTPError(kind: .recipientRejected, reply: reply, command: self.lastCommand, recipient: recipient)
        )
      }
      if index + 1 < envelope.recipients.count {
        transaction.step = .recipient(index + 1)
        self.state = .transaction(transaction)
        return self.send(.rcptTo(envelope.recipients[index + 1]))
      }
      transaction.step = .data
      self.state = .transaction(transaction)
      return self.send(.data)
    case .data:
      guard reply.code == 354 else {
        return self.reset(after: self.rejection(.messageRejected, reply))
      }
      transaction.step = .content
      self.state = .transaction(transaction)
      return .sendData(envelope.data)
    case .content:
      guard reply.isPositiveCompletion else {
        // RFC 5321 (§4.1.1.4) ends the transaction with the final reply either way, but some servers lose track
        // of it after refusing the data (aiosmtpd answers the next MAIL with "503 nested MAIL command"). RSET is
        // always allowed and puts both sides back at the start.
        var error = self.rejection(.messageRejected, reply)
        error.command = "DATA"
        return self.reset(after: error)
      }
      self.state = .ready
      return .succeedMessage(reply)
    }
  }

  /// Sends RSET after a refused command; the failure is reported when RSET is answered.
  private mutating func reset(after failure: SMTPError) -> Action {
    self.state = .resetting(failure)
    return self.send(.rset)
  }

  // MARK: - Helpers

  private mutating func send(_ command: SMTPCommand) -> Action {
    self.lastCommand = command
    return .sendCommand(command)
  }

  private mutating func failStartup(_ error: SMTPError) -> Action {
    self.state = .closed
    return .failStartup(error)
  }

  /// Fails whatever is pending (the set-up or a message) and closes.
  private mutating func fail(_ error: SMTPError) -> Action {
    switch self.state {
    case .transaction:
      self.state = .closed
      return .failMessageAndClose(error)
    case .resetting(let failure):
      // The message failed because of the refusal, not because RSET went wrong.
      self.state = .closed
      return .failMessageAndClose(failure)
    case .ready, .quitting, .closed:
      self.state = .closed
      return .close
    case .initialized, .awaitingGreeting, .awaitingEHLOReply, .awaitingHELOReply, .awaitingStartTLSReply,
      .startingTLS, .authenticating:
      return self.failStartup(error)
    }
  }

  /// The error for a negative reply: 421 always means the server is closing the connection.
  private func rejection(_ kind: SMTPError.Kind, _ reply: SMTPReply) -> SMTPError {
    let command = self.state == .awaitingGreeting ? nil : self.lastCommand
    return SMTPError(kind: reply.code == 421 ? .serviceUnavailable : kind, reply: reply, command: command)
  }

  private func unexpected(_ reply: SMTPReply) -> SMTPError {
    var error = SMTPError(kind: .protocolViolation, reply: reply, command: self.lastCommand)
    error.detail = "The server sent a reply the client did not wait for."
    return error
  }

  private static func base64(_ text: String) -> String {
    Data(text.utf8).base64EncodedString()
  }
}
