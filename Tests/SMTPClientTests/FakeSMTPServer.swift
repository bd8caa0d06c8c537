import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// A small SMTP server on 127.0.0.1 (a free port) that answers from a script, for tests.
///
/// The script gets every event (a connection, a command line, a line of message data, the end of the data) and
/// returns what to do: send replies, close the connection, or nothing (to stay silent). ``standard(_:_:)`` is a
/// well-behaved server that accepts everything; scripts change the answers they care about and fall back to it.
final class FakeSMTPServer: Sendable {
  /// What happened on a connection.
  enum Event: Sendable, Equatable {
    /// A client connected.
    case connected
    /// A command line, without CRLF.
    case command(String)
    /// A line of message data as received (still dot-stuffed), without CRLF.
    case dataLine(String)
    /// The `.` line: the data lines as received.
    case endOfData([String])
  }

  /// What the server does in answer to an event.
  enum Response: Sendable, Equatable {
    /// Send these lines (a multi-line reply is several lines); CRLF is added to each.
    case lines([String])
    /// Close the connection.
    case close
    /// Start TLS (after the 220 reply to STARTTLS): everything after this goes through TLS.
    case startTLS

    /// Send a reply of one or more lines.
    static func reply(_ lines: String...) -> Response {
      .lines(lines)
    }
  }

  /// Where an event happened.
  struct Session: Sendable {
    /// The number of the connection, from 1.
    var connection: Int
    /// How many messages this connection completed before.
    var messagesBefore: Int
    /// The command lines received on this connection before the current event.
    var commands: [String] = []
    /// Whether the connection is encrypted.
    var isTLS = false
  }

  /// A script: the responses to an event.
  typealias Script = @Sendable (Event, Session) -> [Response]

  let port: Int
  let recorder: Recorder
  private let serverChannel: any Channel

  private init(port: Int, recorder: Recorder, serverChannel: any Channel) {
    self.port = port
    self.recorder = recorder
    self.serverChannel = serverChannel
  }

  /// Starts a server that answers with `script`.
  ///
  /// - Parameters:
  ///   - script: The answers.
  ///   - tlsContext: The server's TLS context, for ``Response/startTLS`` and `implicitTLS`.
  ///   - implicitTLS: Whether connections are encrypted from the start.
  static func start(
    script: @escaping Script = FakeSMTPServer.standard,
    tlsContext: NIOSSLContext? = nil,
    implicitTLS: Bool = false
  ) async throws -> FakeSMTPServer {
    let recorder = Recorder()
    let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .childChannelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          if implicitTLS, let tlsContext {
            try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tlsContext))
          }
          let handler = ConnectionHandler(script: script, recorder: recorder, tlsContext: tlsContext)
          handler.session.isTLS = implicitTLS
          try channel.pipeline.syncOperations.addHandler(handler)
        }
      }
      .bind(host: "127.0.0.1", port: 0)
      .get()
    return FakeSMTPServer(port: channel.localAddress!.port!, recorder: recorder, serverChannel: channel)
  }

  /// Runs `body` with a running server and stops the server afterwards.
  static func with<Result>(
    script: @escaping Script = FakeSMTPServer.standard,
    tlsContext: NIOSSLContext? = nil,
    implicitTLS: Bool = false,
    _ body: (FakeSMTPServer) async throws -> Result
  ) async throws -> Result {
    let server = try await FakeSMTPServer.start(script: script, tlsContext: tlsContext, implicitTLS: implicitTLS)
    do {
      let result = try await body(server)
      try await server.stop()
      return result
    } catch {
      try? await server.stop()
      throw error
    }
  }

  /// Stops listening and closes all connections.
  func stop() async throws {
    try await self.serverChannel.close()
    for channel in self.recorder.openChannels() {
      try? await channel.close()
    }
  }

  /// A well-behaved server that accepts every command and message.
  static func standard(_ event: Event, _ session: Session) -> [Response] {
    switch event {
    case .connected:
      return [.reply("220 fake.test ESMTP ready")]
    case .dataLine:
      return []
    case .endOfData:
      return [.reply("250 2.0.0 Ok: queued as \(session.connection)-\(session.messagesBefore + 1)")]
    case .command(let line):
      switch line.prefix(4).uppercased() {
      case "EHLO":
        return [.reply("250-fake.test", "250-PIPELINING", "250-SIZE 10240000", "250-8BITMIME", "250 SMTPUTF8")]
      case "HELO": return [.reply("250 fake.test")]
      case "MAIL": return [.reply("250 2.1.0 Ok")]
      case "RCPT": return [.reply("250 2.1.5 Ok")]
      case "DATA": return [.reply("354 End data with <CR><LF>.<CR><LF>")]
      case "RSET": return [.reply("250 2.0.0 Ok")]
      case "NOOP": return [.reply("250 2.0.0 Ok")]
      case "QUIT": return [.reply("221 2.0.0 Bye"), .close]
      default: return [.reply("502 5.5.2 Error: command not recognized")]
      }
    }
  }
}
