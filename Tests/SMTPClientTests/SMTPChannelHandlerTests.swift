import Logging
import NIOCore
import NIOEmbedded
import TestTags
import Testing

@testable import SMTPClient

/// Drives ``SMTPChannelHandler`` on an `EmbeddedChannel`: bytes in, bytes out, virtual time for time-outs.
@Suite("SMTP channel handler", .tags(.unit))
struct SMTPChannelHandlerTests {
  private struct Harness {
    let channel: EmbeddedChannel
    let startup: EventLoopFuture<SMTPCapabilities>

    init(configuration: SMTPSessionStateMachine.Configuration = .init(heloName: "client.test")) throws {
      self.channel = EmbeddedChannel()
      let promise = self.channel.eventLoop.makePromise(of: SMTPCapabilities.self)
      let handler = SMTPChannelHandler(
        configuration: configuration,
        commandTimeout: .seconds(30),
        tlsContext: nil,
        serverHostname: nil,
        startupPromise: promise,
        logger: Logger(label: "test")
      )
      self.startup = promise.futureResult
      try self.channel.pipeline.syncOperations.addHandler(handler)
      try self.channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 25)).wait()
    }

    func serverSends(_ text: String) throws {
      try self.channel.writeInbound(ByteBuffer(string: text))
    }

    /// Everything the client wrote since the last call.
    func clientWrote() throws -> String {
      var text = ""
      while let buffer = try self.channel.readOutbound(as: ByteBuffer.self) {
        text += String(buffer: buffer)
      }
      return text
    }

    func send(_ envelope: SMTPEnvelope) throws -> EventLoopFuture<SMTPReply> {
      let promise = self.channel.eventLoop.makePromise(of: SMTPReply.self)
      try self.channel.writeOutbound(SMTPRequest.send(envelope, promise))
      return promise.futureResult
    }

    func makeReady() throws {
      try self.serverSends("220 mail.example.test ESMTP\r\n")
      #expect(try self.clientWrote() == "EHLO client.test\r\n")
      try self.serverSends("250-mail.example.test\r\n250 8BITMIME\r\n")
      #expect(result(of: self.startup) != nil)
    }
  }

  @Test func fullExchangeWithRepliesInFragments() throws {
    let harness = try Harness()
    try harness.serverSends("220 mail.example")
    #expect(try harness.clientWrote() == "")
    try harness.serverSends(".test ESMTP\r\n")
    #expect(try harness.clientWrote() == "EHLO client.test\r\n")
    try harness.serverSends("250-mail.example.test\r\n250-PIPE")
    #expect(result(of: harness.startup) == nil)
    try harness.serverSends("LINING\r\n250 8BITMIME\r\n")
    let capabilities = try #require(try result(of: harness.startup)?.get())
    #expect(capabilities.supports("PIPELINING"))

    let mail = envelope(to: ["a@example.test"], content: "Subject: x\r\n\r\n.dot\r\n")
    let sent = try harness.send(mail)
    #expect(try harness.clientWrote() == "MAIL FROM:<noreply@vi.test>\r\n")
    try harness.serverSends("250 2.1.0 Ok\r\n")
    #expect(try harness.clientWrote() == "RCPT TO:<a@example.test>\r\n")
    try harness.serverSends("250 2.1.5 Ok\r\n")
    #expect(try harness.clientWrote() == "DATA\r\n")
    try harness.serverSends("354 End data with <CR><LF>.<CR><LF>\r\n")
    #expect(try harness.clientWrote() == "Subject: x\r\n\r\n..dot\r\n.\r\n")
    try harness.serverSends("250 2.0.0 Ok: queued as 4711\r\n")
    #expect(try result(of: sent)?.get() == reply(250, "2.0.0 Ok: queued as 4711"))

    try harness.channel.writeOutbound(SMTPRequest.quit)
    #expect(try harness.clientWrote() == "QUIT\r\n")
    try harness.serverSends("221 2.0.0 Bye\r\n")
    #expect(!harness.channel.isActive)
  }

  @Test func greetingTimeoutClosesTheChannel() throws {
    let harness = try Harness()
    harness.channel.embeddedEventLoop.advanceTime(by: .seconds(29))
    #expect(result(of: harness.startup) == nil)
    harness.channel.embeddedEventLoop.advanceTime(by: .seconds(1))
    #expect(smtpError(of: harness.startup)?.kind == .timeout)
    #expect(!harness.channel.isActive)
  }

  @Test func replyStopsTheTimeoutAndTheNextCommandStartsANewOne() throws {
    let harness = try Harness()
    harness.channel.embeddedEventLoop.advanceTime(by: .seconds(20))
    try harness.makeReady()
    let sent = try harness.send(envelope())
    harness.channel.embeddedEventLoop.advanceTime(by: .seconds(20))
    try harness.serverSends("250 ok\r\n")
    harness.channel.embeddedEventLoop.advanceTime(by: .seconds(20))
    #expect(result(of: sent) == nil)
    harness.channel.embeddedEventLoop.advanceTime(by: .seconds(10))
    let error = smtpError(of: sent)
    #expect(error?.kind == .timeout)
    #expect(error?.command == "RCPT TO")
  }

  @Test func dataAfterStartTLSReplyIsRefused() throws {
    let harness = try Harness(configuration: .init(heloName: "client.test", requiresStartTLS: true))
    try harness.serverSends("220 x\r\n")
    try harness.serverSends("250-x\r\n250 STARTTLS\r\n")
    #expect(try harness.clientWrote() == "EHLO client.test\r\nSTARTTLS\r\n")
    // A man in the middle appends a reply that would be read as if it came over TLS.
    try harness.serverSends("220 go ahead\r\n250-evil\r\n250 AUTH PLAIN\r\n")
    let error = smtpError(of: harness.startup)
    #expect(error?.kind == .protocolViolation)
    #expect(error?.command == "STARTTLS")
    #expect(!harness.channel.isActive)
  }

  @Test func malformedReplyClosesTheConnection() throws {
    let harness = try Harness()
    try harness.makeReady()
    let sent = try harness.send(envelope())
    try harness.serverSends("HTTP/1.1 400 Bad Request\r\n")
    #expect(smtpError(of: sent)?.kind == .protocolViolation)
    #expect(!harness.channel.isActive)
  }

  @Test func serverClosingMidDataFailsTheMessageAsTransient() throws {
    let harness = try Harness()
    try harness.makeReady()
    let sent = try harness.send(envelope())
    try harness.serverSends("250 ok\r\n")
    try harness.serverSends("250 ok\r\n")
    try harness.serverSends("354 go\r\n")
    _ = try harness.clientWrote()
    harness.channel.pipeline.fireChannelInactive()
    let error = smtpError(of: sent)
    #expect(error?.kind == .connectionClosed)
    #expect(error?.isTransient == true)
  }

  @Test func messageOnClosedConnectionFailsRightAway() throws {
    let harness = try Harness()
    try harness.makeReady()
    try harness.serverSends("421 4.4.2 idle too long\r\n")
    #expect(!harness.channel.isActive)
  }
}
