internal import Logging
internal import NIOCore
internal import NIOPosix
internal import NIOSSL

/// One TCP connection to the SMTP server with a session that is ready for messages.
struct SMTPConnection: Sendable {
  let channel: any Channel

  /// The extensions the server announced in its last EHLO reply.
  let capabilities: SMTPCapabilities

  /// Whether the connection is still open. A closed connection cannot send; the server may also have closed it
  /// without this being seen yet.
  var isActive: Bool {
    self.channel.isActive
  }

  /// Connects, waits for the greeting, and sets up the session (EHLO, STARTTLS, AUTH).
  ///
  /// - Throws: ``SMTPError``.
  static func connect(
    configuration: SMTPConfiguration,
    tlsContext: NIOSSLContext?,
    eventLoopGroup: any EventLoopGroup,
    logger: Logger
  ) async throws -> SMTPConnection {
    let eventLoop = eventLoopGroup.next()
    let startupPromise = eventLoop.makePromise(of: SMTPCapabilities.self)
    let serverHostname = Self.serverHostname(for: configuration.host)
    let bootstrap = ClientBootstrap(group: eventLoop)
      .connectTimeout(configuration.connectTimeout)
      .channelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          let pipeline = channel.pipeline.syncOperations
          if configuration.tls.isImplicit, let tlsContext {
            try pipeline.addHandler(NIOSSLClientHandler(context: tlsContext, serverHostname: serverHostname))
          }
          let handler = SMTPChannelHandler(
            configuration: SMTPSessionStateMachine.Configuration(configuration),
            commandTimeout: configuration.commandTimeout,
            tlsContext: configuration.tls.isStartTLS ? tlsContext : nil,
            serverHostname: serverHostname,
            startupPromise: startupPromise,
            logger: logger
          )
          try pipeline.addHandler(handler)
        }
      }

    logger.debug("Connecting to SMTP server")
    let channel: any Channel
    do {
      channel = try await bootstrap.connect(host: configuration.host, port: configuration.port).get()
    } catch {
      let smtpError = Self.connectError(error, configuration: configuration)
      startupPromise.fail(smtpError)
      throw smtpError
    }
    do {
      let capabilities = try await startupPromise.futureResult.get()
      return SMTPConnection(channel: channel, capabilities: capabilities)
    } catch {
      channel.close(promise: nil)
      throw SMTPChannelHandler.smtpError(for: error)
    }
  }

  /// Sends one message and returns the server's final reply.
  ///
  /// - Throws: ``SMTPError``.
  func send(_ envelope: SMTPEnvelope) async throws -> SMTPReply {
    let promise = self.channel.eventLoop.makePromise(of: SMTPReply.self)
    self.channel.writeAndFlush(SMTPRequest.send(envelope, promise)).whenFailure { error in
      // The request never reached the handler: the channel was closed already.
      promise.fail(
        SMTPError(kind: .connectionClosed, detail: "The connection was closed before the message was sent (\(error)).")
      )
    }
    return try await promise.futureResult.get()
  }

  /// Says QUIT (if the session is idle) and waits until the connection is closed; the QUIT is bounded by the
  /// command time-out.
  func close() async {
    self.channel.writeAndFlush(SMTPRequest.quit, promise: nil)
    try? await self.channel.closeFuture.get()
  }

  /// The host name for SNI and certificate verification; `nil` for an IP address, which is then checked against
  /// the certificate's IP address entries.
  static func serverHostname(for host: String) -> String? {
    let unbracketed = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    if (try? SocketAddress(ipAddress: unbracketed, port: 0)) != nil {
      return nil
    }
    return host
  }

  private static func connectError(_ error: any Error, configuration: SMTPConfiguration) -> SMTPError {
    let server = "\(configuration.host):\(configuration.port)"
    if let channelError = error as? ChannelError, case .connectTimeout = channelError {
      return SMTPError(
        kind: .timeout,
        detail: "Connecting to \(server) took longer than \(configuration.connectTimeout)."
      )
    }
    return SMTPError(kind: .connectionFailed, detail: "Could not connect to \(server): \(error)")
  }
}
