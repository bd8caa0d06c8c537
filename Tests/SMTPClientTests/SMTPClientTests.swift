import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
import TestTags
import Testing

@testable import SMTPClient

/// ``SMTPClient`` against ``FakeSMTPServer`` over real TCP on 127.0.0.1.
@Suite("SMTP client against a scripted server", .tags(.unit))
struct SMTPClientTests {
  private func makeClient(
    _ server: FakeSMTPServer,
    tls: SMTPConfiguration.TLSMode = .none,
    commandTimeout: TimeAmount = .seconds(10)
  ) -> SMTPClient {
    SMTPClient(
      configuration: SMTPConfiguration(
        host: "127.0.0.1",
        port: server.port,
        tls: tls,
        heloName: "client.test",
        commandTimeout: commandTimeout,
        connectTimeout: .seconds(5)
      ),
      eventLoopGroup: MultiThreadedEventLoopGroup.singleton,
      logger: Logger(label: "SMTPClientTests")
    )
  }

  /// Sends `message` and returns the ``SMTPError`` it fails with.
  private func sendError(_ client: SMTPClient, _ message: EmailMessage) async -> SMTPError? {
    do {
      let delivery = try await client.send(message)
      Issue.record("expected an error, got \(delivery)")
      return nil
    } catch {
      return error as? SMTPError
    }
  }

  @Test func sendsAMessageAndQuitsOnShutdown() async throws {
    try await FakeSMTPServer.with { server in
      let client = self.makeClient(server)
      let delivery = try await client.send(
        message(to: ["jan@example.test", "piet@example.test"], messageID: "m1@vi.test"))
      #expect(delivery.reply == reply(250, "2.0.0 Ok: queued as 1-1"))
      #expect(delivery.messageID == "<m1@vi.test>")
      #expect(delivery.recipients == ["jan@example.test", "piet@example.test"])
      await client.shutdown()
      let size = try #require(server.recorder.allCommands.first { $0.hasPrefix("MAIL") }?.split(separator: "=").last)
      #expect(
        server.recorder.allCommands == [
          "EHLO client.test", "MAIL FROM:<noreply@vi.test> SIZE=\(size)", "RCPT TO:<jan@example.test>",
          "RCPT TO:<piet@example.test>", "DATA", "QUIT",
        ]
      )
      let data = try #require(server.recorder.messages.first)
      #expect(data.contains("Message-ID: <m1@vi.test>"))
      #expect(data.contains("Content-Transfer-Encoding: quoted-printable"))
    }
  }

  @Test func reusesOneConnectionForThreeMessages() async throws {
    try await FakeSMTPServer.with { server in
      let client = self.makeClient(server)
      for number in 1...3 {
        let delivery = try await client.send(message(subject: "Melding \(number)"))
        #expect(delivery.reply.text == "2.0.0 Ok: queued as 1-\(number)")
      }
      await client.shutdown()
      #expect(server.recorder.connections == 1)
      #expect(server.recorder.messages.count == 3)
      #expect(server.recorder.allCommands.filter { $0.hasPrefix("EHLO") }.count == 1)
    }
  }

  @Test func concurrentSendersShareTheConnectionOneAfterTheOther() async throws {
    try await FakeSMTPServer.with { server in
      let client = self.makeClient(server)
      try await withThrowingTaskGroup(of: SMTPDelivery.self) { group in
        for number in 1...8 {
          group.addTask { try await client.send(message(subject: "Melding \(number)")) }
        }
        var replies: Set<String> = []
        for try await delivery in group {
          replies.insert(delivery.reply.text)
        }
        #expect(replies.count == 8)
      }
      await client.shutdown()
      #expect(server.recorder.connections == 1)
      #expect(server.recorder.messages.count == 8)
    }
  }

  @Test func bodyLineStartingWithADotArrivesDoubled() async throws {
    try await FakeSMTPServer.with { server in
      let client = self.makeClient(server)
      _ = try await client.send(message(body: "Eerste regel\n.verborgen regel\n..twee punten\n.\nlaatste"))
      await client.shutdown()
      let data = try #require(server.recorder.messages.first)
      let body = Array(data.drop { !$0.isEmpty }.dropFirst())
      #expect(body == ["Eerste regel", "..verborgen regel", "...twee punten", "..", "laatste"])
    }
  }

  @Test func multiLineRejectionKeepsAllLinesAndTheConnection() async throws {
    let script: FakeSMTPServer.Script = { event, session in
      if case .command("RCPT TO:<onbekend@example.test>") = event {
        return [.reply("550-5.1.1 The email account that you tried to reach does not exist.", "550 5.1.1 Check it.")]
      }
      return FakeSMTPServer.standard(event, session)
    }
    try await FakeSMTPServer.with(script: script) { server in
      let client = self.makeClient(server)
      let error = await self.sendError(client, try message(to: ["jan@example.test", "onbekend@example.test"]))
      #expect(error?.kind == .recipientRejected)
      #expect(error?.code == 550)
      #expect(error?.recipient == "onbekend@example.test")
      #expect(
        error?.serverMessage == "5.1.1 The email account that you tried to reach does not exist.\n5.1.1 Check it.")
      #expect(error?.isTransient == false)
      // RSET, then the next message goes over the same connection.
      _ = try await client.send(message(to: ["jan@example.test"]))
      await client.shutdown()
      #expect(server.recorder.connections == 1)
      #expect(server.recorder.allCommands.contains("RSET"))
      #expect(server.recorder.messages.count == 1)
    }
  }

  /// A script that answers `reply` at `step` and behaves normally otherwise.
  private static func refusing(at step: String, with reply: String) -> FakeSMTPServer.Script {
    { event, session in
      switch event {
      case .connected where step == "greeting":
        return [.reply(reply)]
      case .endOfData where step == "content":
        return [.reply(reply)]
      case .command(let line) where line.hasPrefix(step):
        return [.reply(reply)]
      default:
        return FakeSMTPServer.standard(event, session)
      }
    }
  }

  @Test(arguments: [
    ("greeting", "421 4.3.2 Service not available, closing channel", SMTPError.Kind.serviceUnavailable, true),
    ("greeting", "554 5.7.1 You are not welcome here", .greetingRejected, false),
    ("MAIL", "421 4.7.0 Too many errors, closing", .serviceUnavailable, true),
    ("MAIL", "451 4.3.0 Local error in processing", .senderRejected, true),
    ("RCPT", "450 4.2.1 Mailbox busy, try later", .recipientRejected, true),
    ("RCPT", "550 5.1.1 User unknown", .recipientRejected, false),
    ("DATA", "554 5.5.1 No valid recipients", .messageRejected, false),
    ("content", "451 4.3.0 Queue file write error", .messageRejected, true),
    ("content", "554 5.7.1 Message rejected as spam", .messageRejected, false),
  ])
  func repliesAreClassified(
    _ step: String, _ answer: String, _ kind: SMTPError.Kind, _ isTransient: Bool
  )
    async throws
  {
    try await FakeSMTPServer.with(script: Self.refusing(at: step, with: answer)) { server in
      let client = self.makeClient(server)
      let error = await self.sendError(client, try message())
      await client.shutdown()
      #expect(error?.kind == kind)
      #expect(error?.code == Int(answer.prefix(3)))
      #expect(error?.serverMessage == String(answer.dropFirst(4)))
      #expect(error?.isTransient == isTransient)
    }
  }

  @Test func serverClosingMidDataIsATransientError() async throws {
    let script: FakeSMTPServer.Script = { event, session in
      if case .dataLine = event {
        return [.close]
      }
      return FakeSMTPServer.standard(event, session)
    }
    try await FakeSMTPServer.with(script: script) { server in
      let client = self.makeClient(server)
      let error = await self.sendError(client, try message())
      await client.shutdown()
      #expect(error?.kind == .connectionClosed)
      #expect(error?.command == "DATA")
      #expect(error?.isTransient == true)
    }
  }

  @Test func silentServerTimesOut() async throws {
    try await FakeSMTPServer.with(script: { _, _ in [] }) { server in
      let client = self.makeClient(server, commandTimeout: .milliseconds(300))
      let start = ContinuousClock.now
      let error = await self.sendError(client, try message())
      let elapsed = ContinuousClock.now - start
      await client.shutdown()
      #expect(error?.kind == .timeout)
      #expect(error?.isTransient == true)
      #expect(elapsed >= .milliseconds(300))
      #expect(elapsed < .seconds(5))
    }
  }

  @Test func serverThatStopsAnsweringMidTransactionTimesOut() async throws {
    let script: FakeSMTPServer.Script = { event, session in
      if case .command(let line) = event, line.hasPrefix("RCPT") {
        return []
      }
      return FakeSMTPServer.standard(event, session)
    }
    try await FakeSMTPServer.with(script: script) { server in
      let client = self.makeClient(server, commandTimeout: .milliseconds(300))
      let error = await self.sendError(client, try message())
      #expect(error?.kind == .timeout)
      #expect(error?.command == "RCPT TO")
      // The timed-out connection is dropped; the next message uses a new one.
      let second = await self.sendError(client, try message())
      #expect(second?.kind == .timeout)
      await client.shutdown()
      #expect(server.recorder.connections == 2)
    }
  }

  @Test func reconnectsAfterTheServerClosedTheConnectionBetweenMessages() async throws {
    let script: FakeSMTPServer.Script = { event, session in
      if case .endOfData = event, session.connection == 1 {
        return [.reply("250 2.0.0 Ok: queued as 1-1"), .close]
      }
      return FakeSMTPServer.standard(event, session)
    }
    try await FakeSMTPServer.with(script: script) { server in
      let client = self.makeClient(server)
      _ = try await client.send(message(subject: "een"))
      let second = try await client.send(message(subject: "twee"))
      #expect(second.reply.text == "2.0.0 Ok: queued as 2-1")
      await client.shutdown()
      #expect(server.recorder.connections == 2)
      #expect(server.recorder.messages.count == 2)
    }
  }

  @Test func reconnectsAfterIdle421() async throws {
    let script: FakeSMTPServer.Script = { event, session in
      if case .endOfData = event, session.connection == 1 {
        return [.reply("250 2.0.0 Ok: queued as 1-1"), .reply("421 4.4.2 fake.test Error: timeout exceeded"), .close]
      }
      return FakeSMTPServer.standard(event, session)
    }
    try await FakeSMTPServer.with(script: script) { server in
      let client = self.makeClient(server)
      _ = try await client.send(message(subject: "een"))
      _ = try await client.send(message(subject: "twee"))
      await client.shutdown()
      #expect(server.recorder.connections == 2)
      #expect(server.recorder.messages.count == 2)
    }
  }

  @Test func retriesOnANewConnectionWhenAReusedOneAnswers421ToMailFrom() async throws {
    let script: FakeSMTPServer.Script = { event, session in
      if case .command(let line) = event, line.hasPrefix("MAIL"), session.connection == 1, session.messagesBefore == 1 {
        return [.reply("421 4.7.0 fake.test Too many messages on this connection"), .close]
      }
      return FakeSMTPServer.standard(event, session)
    }
    try await FakeSMTPServer.with(script: script) { server in
      let client = self.makeClient(server)
      _ = try await client.send(message(subject: "een"))
      let second = try await client.send(message(subject: "twee"))
      #expect(second.reply.text == "2.0.0 Ok: queued as 2-1")
      await client.shutdown()
      #expect(server.recorder.connections == 2)
    }
  }

  @Test func startTLSRequiredButNotOfferedSendsNothingInPlainText() async throws {
    try await FakeSMTPServer.with { server in
      let client = self.makeClient(server, tls: .startTLS())
      let error = await self.sendError(client, try message())
      await client.shutdown()
      #expect(error?.kind == .startTLSUnavailable)
      #expect(error?.isTransient == false)
      #expect(server.recorder.allCommands == ["EHLO client.test"])
    }
  }

  @Test func refusedConnectionIsTransient() async throws {
    // Find a free port, then stop listening on it.
    let server = try await FakeSMTPServer.start()
    try await server.stop()
    let client = self.makeClient(server)
    let error = await self.sendError(client, try message())
    await client.shutdown()
    #expect(error?.kind == .connectionFailed)
    #expect(error?.isTransient == true)
  }

  @Test func sendAfterShutdownFails() async throws {
    try await FakeSMTPServer.with { server in
      let client = self.makeClient(server)
      await client.shutdown()
      let error = await self.sendError(client, try message())
      #expect(error?.kind == .clientShutdown)
      #expect(server.recorder.connections == 0)
    }
  }

  @Test func invalidConfigurationIsReportedOnSend() async throws {
    let client = SMTPClient(
      configuration: SMTPConfiguration(
        host: "127.0.0.1",
        port: 2525,
        tls: .none,
        authentication: .init(username: "u", password: "p"),
        heloName: "client.test"
      ),
      eventLoopGroup: MultiThreadedEventLoopGroup.singleton,
      logger: Logger(label: "SMTPClientTests")
    )
    let error = await self.sendError(client, try message())
    await client.shutdown()
    #expect(error?.kind == .invalidConfiguration)
    #expect(error?.isTransient == false)
  }
}

extension SMTPClientTests {
  @Test func asAServiceItQuitsOnGracefulShutdown() async throws {
    try await FakeSMTPServer.with { server in
      let client = self.makeClient(server)
      let group = ServiceGroup(services: [client], logger: Logger(label: "SMTPClientTests"))
      try await withThrowingTaskGroup(of: Void.self) { tasks in
        tasks.addTask { try await group.run() }
        _ = try await client.send(message(to: ["jan@example.test"], messageID: "m1@vi.test"))
        #expect(!server.recorder.allCommands.contains("QUIT"))
        await group.triggerGracefulShutdown()
        try await tasks.waitForAll()
      }
      #expect(server.recorder.allCommands.last == "QUIT")
      let error = await self.sendError(client, try message())
      #expect(error?.kind == .clientShutdown)
    }
  }
}
