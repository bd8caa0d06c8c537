internal import NIOCore

extension SMTPSessionStateMachine {
  /// What the channel handler must do after an event. Every action that sends something, and
  /// ``awaitGreeting``, starts the reply time-out; every reply stops it.
  enum Action: Sendable, Hashable {
    /// Nothing to do.
    case none
    /// Start the time-out for the greeting.
    case awaitGreeting
    /// Send the command and wait for its reply.
    case sendCommand(SMTPCommand)
    /// Send the message content (dot-stuffed, ending with `.`) and wait for the final reply.
    case sendData(ByteBuffer)
    /// Add the TLS client handler in front of the pipeline, then report ``SMTPSessionStateMachine/tlsStarted()``.
    case startTLS
    /// The session is ready for messages: complete the connect.
    case succeedStartup(SMTPCapabilities)
    /// The session could not be set up: fail the connect and close the channel.
    case failStartup(SMTPError)
    /// The server accepted the message: complete the send with the final reply.
    case succeedMessage(SMTPReply)
    /// The message failed; the connection stays usable (or is already closed).
    case failMessage(SMTPError)
    /// The message failed and the connection cannot be used any more: fail the send and close the channel.
    case failMessageAndClose(SMTPError)
    /// Close the channel.
    case close
  }
}
