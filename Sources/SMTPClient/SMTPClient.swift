public import Logging
public import NIOCore

/// Sends e-mail over SMTP (RFC 5321), with STARTTLS or implicit TLS and optional authentication.
///
/// The client keeps one connection open and sends every message over it, one after the other; concurrent calls
/// to ``send(_:)`` wait for their turn. When the server has closed the connection (421, or an idle time-out) the
/// next message opens a new one. Call ``shutdown()`` when done, to say QUIT and close the connection.
///
/// ```swift
/// let client = SMTPClient(configuration: configuration, eventLoopGroup: MultiThreadedEventLoopGroup.singleton,
///                         logger: logger)
/// do {
///   let delivery = try await client.send(message)
///   logger.info("sent", metadata: ["reply": "\(delivery.reply)"])
/// } catch let error as SMTPError where error.isTransient {
///   // retry later
/// }
/// await client.shutdown()
/// ```
public final class SMTPClient: Sendable {
  /// The configuration the client was made with.
  public let configuration: SMTPConfiguration

  private let connectionManager: SMTPConnectionManager

  /// Creates a client. It connects on the first ``send(_:)``.
  ///
  /// - Parameters:
  ///   - configuration: The server, TLS, credentials and time-outs.
  ///   - eventLoopGroup: The event loops for the connection, for example
  ///     `MultiThreadedEventLoopGroup.singleton`.
  ///   - logger: The logger. Connections and results are logged at debug level, SMTP commands and replies at
  ///     trace level; credentials are never logged.
  public init(configuration: SMTPConfiguration, eventLoopGroup: any EventLoopGroup, logger: Logger) {
    self.configuration = configuration
    self.connectionManager = SMTPConnectionManager(
      configuration: configuration,
      eventLoopGroup: eventLoopGroup,
      logger: logger
    )
  }

  /// Sends a message to all its recipients in one SMTP transaction.
  ///
  /// The call returns when the server has accepted the message (its final reply after the content) or refused
  /// it. It is not interrupted by task cancellation; every step is bounded by the configured time-outs.
  ///
  /// - Parameter message: The message.
  /// - Returns: The message ID and the server's final reply.
  /// - Throws: ``SMTPError``. ``SMTPError/isTransient`` tells whether to retry later. If the server refuses any
  ///   recipient, the message is not sent to anyone (``SMTPError/Kind/recipientRejected``, with
  ///   ``SMTPError/recipient``).
  public func send(_ message: EmailMessage) async throws -> SMTPDelivery {
    try await self.connectionManager.send(message)
  }

  /// Waits for the message being sent (if any), says QUIT and closes the connection. Later calls to ``send(_:)``
  /// fail with ``SMTPError/Kind/clientShutdown``. Call it once before the event loop group shuts down.
  public func shutdown() async {
    await self.connectionManager.shutdown()
  }
}
