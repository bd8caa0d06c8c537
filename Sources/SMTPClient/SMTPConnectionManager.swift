internal import Logging
internal import NIOCore
internal import NIOSSL

/// Owns the one connection of an ``SMTPClient`` and sends messages over it one at a time.
///
/// Callers queue in order of arrival (an actor alone would interleave them at every `await`). The connection is
/// opened on first use, reused for later messages, and opened again when the server closed it (421 or EOF).
/// When a reused connection turns out to be closed before the server accepted `MAIL FROM`, the message is sent
/// once more on a new connection: nothing of it was accepted yet, so this cannot deliver it twice.
actor SMTPConnectionManager {
  private let configuration: SMTPConfiguration
  private let eventLoopGroup: any EventLoopGroup
  private let logger: Logger
  private var connection: SMTPConnection?
  private var tlsContext: NIOSSLContext?
  private var isShutDown = false
  private var isBusy = false
  private var waiters: [CheckedContinuation<Void, Never>] = []

  init(configuration: SMTPConfiguration, eventLoopGroup: any EventLoopGroup, logger: Logger) {
    self.configuration = configuration
    self.eventLoopGroup = eventLoopGroup
    var logger = logger
    logger[metadataKey: "smtp.server"] = "\(configuration.host):\(configuration.port)"
    self.logger = logger
  }

  /// Sends `message` and returns the server's final reply.
  ///
  /// - Throws: ``SMTPError``.
  func send(_ message: EmailMessage) async throws -> SMTPDelivery {
    let messageID = message.resolvedMessageID()
    let envelope = SMTPEnvelope(message: message, messageID: messageID)
    await self.acquire()
    defer { self.release() }

    var logger = self.logger
    logger[metadataKey: "smtp.message-id"] = "\(messageID)"
    var mayRetry = true
    while true {
      guard !self.isShutDown else {
        throw SMTPError(kind: .clientShutdown, detail: "The SMTP client was shut down.")
      }
      let (connection, isReused) = try await self.openConnection()
      do {
        let reply = try await connection.send(envelope)
        logger.debug("Message accepted", metadata: ["smtp.reply": "\(reply)"])
        return SMTPDelivery(messageID: messageID, recipients: envelope.recipients, reply: reply)
      } catch {
        let error = SMTPChannelHandler.smtpError(for: error)
        if !connection.isActive || !error.isMessageSpecific {
          // A failure of the connection (rather than of this message) leaves it in no state to reuse.
          self.connection = nil
          connection.channel.close(promise: nil)
        }
        if isReused && mayRetry && Self.isStaleConnection(error) {
          logger.debug("Reused connection was closed; retrying on a new one", metadata: ["error": "\(error)"])
          mayRetry = false
          continue
        }
        logger.debug("Message failed", metadata: ["error": "\(error)"])
        throw error
      }
    }
  }

  /// Closes the connection (with QUIT) after the message being sent, if any; later sends fail with
  /// ``SMTPError/Kind/clientShutdown``.
  func shutdown() async {
    guard !self.isShutDown else {
      return
    }
    self.isShutDown = true
    await self.acquire()
    defer { self.release() }
    if let connection = self.connection {
      self.connection = nil
      await connection.close()
      self.logger.debug("SMTP client shut down")
    }
  }

  /// Whether `error` shows that a reused connection had been closed by the server before the message was
  /// accepted in any part.
  private static func isStaleConnection(_ error: SMTPError) -> Bool {
    guard error.command == nil || error.command == "MAIL FROM" else {
      return false
    }
    return error.kind == .connectionClosed || error.kind == .serviceUnavailable
  }

  private func openConnection() async throws -> (SMTPConnection, isReused: Bool) {
    if let connection = self.connection {
      if connection.isActive {
        return (connection, true)
      }
      self.connection = nil
    }
    try self.configuration.validate()
    let connection = try await SMTPConnection.connect(
      configuration: self.configuration,
      tlsContext: try self.makeTLSContext(),
      eventLoopGroup: self.eventLoopGroup,
      logger: self.logger
    )
    self.connection = connection
    return (connection, false)
  }

  private func makeTLSContext() throws -> NIOSSLContext? {
    guard let tlsConfiguration = self.configuration.tls.tlsConfiguration else {
      return nil
    }
    if let tlsContext = self.tlsContext {
      return tlsContext
    }
    do {
      let tlsContext = try NIOSSLContext(configuration: tlsConfiguration)
      self.tlsContext = tlsContext
      return tlsContext
    } catch {
      throw SMTPError(kind: .invalidConfiguration, detail: "The TLS configuration is not valid: \(error)")
    }
  }

  /// Waits until no other send (or shutdown) is running; callers get their turn in order of arrival.
  private func acquire() async {
    guard self.isBusy else {
      self.isBusy = true
      return
    }
    // `release()` hands the turn over directly, so `isBusy` stays true.
    await withCheckedContinuation { self.waiters.append($0) }
  }

  private func release() {
    if self.waiters.isEmpty {
      self.isBusy = false
    } else {
      self.waiters.removeFirst().resume()
    }
  }
}
