internal import NIOCore

/// What ``SMTPConnection`` writes into the channel pipeline for ``SMTPChannelHandler``.
enum SMTPRequest: Sendable {
  /// Send one message; the promise gets the server's final reply, or fails with ``SMTPError``.
  case send(SMTPEnvelope, EventLoopPromise<SMTPReply>)
  /// Say QUIT (when idle) and close the connection.
  case quit
}
