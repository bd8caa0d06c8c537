internal import Logging
internal import NIOCore
internal import NIOSSL

/// Runs an SMTP session on a channel: parses replies, feeds events to ``SMTPSessionStateMachine`` and executes
/// the actions it returns (write a command, add TLS, start or stop the reply time-out, complete promises, close).
///
/// Inbound it takes the bytes from the server; outbound it takes ``SMTPRequest`` values and writes bytes.
final class SMTPChannelHandler: ChannelDuplexHandler {
  typealias InboundIn = ByteBuffer
  typealias OutboundIn = SMTPRequest
  typealias OutboundOut = ByteBuffer

  private var stateMachine: SMTPSessionStateMachine
  private var parser = SMTPReplyParser()
  private var startupPromise: EventLoopPromise<SMTPCapabilities>?
  private var messagePromise: EventLoopPromise<SMTPReply>?
  private var timeout: Scheduled<Void>?
  private let commandTimeout: TimeAmount
  private let tlsContext: NIOSSLContext?
  private let serverHostname: String?
  private let logger: Logger

  /// Creates a handler.
  ///
  /// - Parameters:
  ///   - configuration: The session's configuration.
  ///   - commandTimeout: How long to wait for each reply.
  ///   - tlsContext: The TLS context for STARTTLS, or `nil` when STARTTLS is not used.
  ///   - serverHostname: The name for SNI and certificate verification, or `nil` for an IP address.
  ///   - startupPromise: Completed when the session is ready for messages, or failed with ``SMTPError``.
  ///   - logger: The logger; commands and replies are logged at trace level, credentials redacted.
  init(
    configuration: SMTPSessionStateMachine.Configuration,
    commandTimeout: TimeAmount,
    tlsContext: NIOSSLContext?,
    serverHostname: String?,
    startupPromise: EventLoopPromise<SMTPCapabilities>,
    logger: Logger
  ) {
    self.stateMachine = SMTPSessionStateMachine(configuration: configuration)
    self.commandTimeout = commandTimeout
    self.tlsContext = tlsContext
    self.serverHostname = serverHostname
    self.startupPromise = startupPromise
    self.logger = logger
  }

  // MARK: - Channel events

  func handlerAdded(context: ChannelHandlerContext) {
    if context.channel.isActive {
      self.run(self.stateMachine.channelActive(), context: context)
    }
  }

  func handlerRemoved(context: ChannelHandlerContext) {
    self.cancelTimeout()
    let error = SMTPError(kind: .connectionClosed, detail: "The SMTP handler was removed from the channel.")
    self.takeStartupPromise()?.fail(error)
    self.takeMessagePromise()?.fail(error)
  }

  func channelActive(context: ChannelHandlerContext) {
    self.run(self.stateMachine.channelActive(), context: context)
    context.fireChannelActive()
  }

  func channelInactive(context: ChannelHandlerContext) {
    self.cancelTimeout()
    self.logger.debug("SMTP connection closed")
    self.run(self.stateMachine.channelInactive(), context: context)
    context.fireChannelInactive()
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    self.parser.append(Self.unwrapInboundIn(data))
    do {
      while self.stateMachine.state != .closed, let reply = try self.parser.nextReply() {
        self.cancelTimeout()
        self.logger.trace("S: \(reply)")
        self.run(self.stateMachine.replyReceived(reply), context: context)
      }
    } catch {
      self.run(self.stateMachine.errorCaught(Self.smtpError(for: error)), context: context)
    }
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    self.logger.debug("SMTP connection error", metadata: ["error": "\(error)"])
    self.run(self.stateMachine.errorCaught(Self.smtpError(for: error)), context: context)
  }

  func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
    // The write promise only says that the request reached this handler; results go to the request's promise.
    promise?.succeed()
    switch Self.unwrapOutboundIn(data) {
    case .send(let envelope, let replyPromise):
      guard self.messagePromise == nil else {
        replyPromise.fail(
          SMTPError(kind: .protocolViolation, detail: "A message was sent while another one was pending (client bug).")
        )
        return
      }
      self.messagePromise = replyPromise
      self.run(self.stateMachine.messageRequested(envelope), context: context)
    case .quit:
      self.run(self.stateMachine.quitRequested(), context: context)
    }
  }

  // MARK: - Actions

  private func run(_ action: SMTPSessionStateMachine.Action, context: ChannelHandlerContext) {
    switch action {
    case .none:
      break
    case .awaitGreeting:
      self.scheduleTimeout(context: context)
    case .sendCommand(let command):
      self.logger.trace("C: \(command.redactedLine)")
      var buffer = context.channel.allocator.buffer(capacity: command.line.utf8.count + 2)
      buffer.writeString(command.line)
      buffer.writeString("\r\n")
      context.writeAndFlush(Self.wrapOutboundOut(buffer), promise: nil)
      self.scheduleTimeout(context: context)
    case .sendData(let data):
      self.logger.trace("C: <message content, \(data.readableBytes) bytes>")
      context.writeAndFlush(Self.wrapOutboundOut(data), promise: nil)
      self.scheduleTimeout(context: context)
    case .startTLS:
      self.startTLS(context: context)
    case .succeedStartup(let capabilities):
      self.logger.debug("SMTP session ready", metadata: ["smtp.tls": "\(self.stateMachine.isTLSActive)"])
      self.takeStartupPromise()?.succeed(capabilities)
    case .failStartup(let error):
      self.close(context: context)
      self.takeStartupPromise()?.fail(error)
    case .succeedMessage(let reply):
      self.takeMessagePromise()?.succeed(reply)
    case .failMessage(let error):
      self.takeMessagePromise()?.fail(error)
    case .failMessageAndClose(let error):
      // Close first, so the caller sees an inactive channel when its send fails.
      self.close(context: context)
      self.takeMessagePromise()?.fail(error)
    case .close:
      self.close(context: context)
    }
  }

  private func startTLS(context: ChannelHandlerContext) {
    // Anything after the 220 reply was sent before TLS, possibly by an attacker (RFC 3207 §6, CVE-2011-0411).
    guard !self.parser.hasUnprocessedBytes else {
      let error = SMTPError(
        kind: .protocolViolation,
        command: "STARTTLS",
        detail: "The server sent data after its 220 reply to STARTTLS, which could be an injection attack."
      )
      self.run(self.stateMachine.errorCaught(error), context: context)
      return
    }
    guard let tlsContext = self.tlsContext else {
      let error = SMTPError(kind: .invalidConfiguration, detail: "STARTTLS without a TLS configuration.")
      self.run(self.stateMachine.errorCaught(error), context: context)
      return
    }
    do {
      let tlsHandler = try NIOSSLClientHandler(context: tlsContext, serverHostname: self.serverHostname)
      try context.pipeline.syncOperations.addHandler(tlsHandler, position: .first)
    } catch {
      self.run(self.stateMachine.errorCaught(Self.smtpError(for: error)), context: context)
      return
    }
    // The TLS handler holds back writes until its handshake is done, so EHLO can be written right away.
    self.run(self.stateMachine.tlsStarted(), context: context)
  }

  /// Clears the promise before it is completed, so callbacks that run right away see no pending message.
  private func takeMessagePromise() -> EventLoopPromise<SMTPReply>? {
    defer { self.messagePromise = nil }
    return self.messagePromise
  }

  private func takeStartupPromise() -> EventLoopPromise<SMTPCapabilities>? {
    defer { self.startupPromise = nil }
    return self.startupPromise
  }

  private func close(context: ChannelHandlerContext) {
    self.cancelTimeout()
    context.close(promise: nil)
  }

  private func scheduleTimeout(context: ChannelHandlerContext) {
    self.timeout?.cancel()
    self.timeout = context.eventLoop.assumeIsolated().scheduleTask(in: self.commandTimeout) {
      self.timeout = nil
      self.logger.debug("SMTP reply time-out", metadata: ["smtp.timeout": "\(self.commandTimeout)"])
      self.run(self.stateMachine.timeoutFired(), context: context)
    }
  }

  private func cancelTimeout() {
    self.timeout?.cancel()
    self.timeout = nil
  }

  /// Maps errors from the pipeline to ``SMTPError``.
  static func smtpError(for error: any Error) -> SMTPError {
    switch error {
    case let error as SMTPError:
      return error
    case NIOSSLError.uncleanShutdown:
      return SMTPError(kind: .connectionClosed, detail: "The server closed the TLS connection without notice.")
    case is NIOSSLError, is BoringSSLError, is NIOSSLExtraError:
      return SMTPError(
        kind: .tlsFailed,
        detail: "TLS failed (check the server's certificate and the TLS configuration): \(error)"
      )
    default:
      return SMTPError(kind: .connectionClosed, detail: "\(error)")
    }
  }
}
