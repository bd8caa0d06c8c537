import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import TestTags
import Testing

@testable import SMTPClient

/// STARTTLS, implicit TLS and AUTH against ``FakeSMTPServer`` with a certificate made for the test run.
@Suite("SMTP client with TLS", .tags(.unit), .enabled(if: TestCertificate.isAvailable, "needs the openssl command"))
struct SMTPClientTLSTests {
  private let certificate: TestCertificate

  init() throws {
    self.certificate = try TestCertificate.make()
  }

  /// A server that offers STARTTLS before TLS, and AUTH (PLAIN and LOGIN, or `mechanisms`) only after it.
  private static func startTLSScript(mechanisms: String = "PLAIN LOGIN") -> FakeSMTPServer.Script {
    { event, session in
      guard case .command(let line) = event else {
        return FakeSMTPServer.standard(event, session)
      }
      switch line {
      case _ where line.hasPrefix("EHLO") && session.isTLS:
        return [.reply("250-fake.test", "250-AUTH \(mechanisms)", "250 SIZE 1000000")]
      case _ where line.hasPrefix("EHLO"):
        return [.reply("250-fake.test", "250-STARTTLS", "250 SIZE 1000000")]
      case "STARTTLS":
        return [.reply("220 2.0.0 Ready to start TLS"), .startTLS]
      case "AUTH PLAIN \(Data("\0notifier\0geheim".utf8).base64EncodedString())":
        return [.reply("235 2.7.0 Authentication successful")]
      case "AUTH LOGIN":
        return [.reply("334 VXNlcm5hbWU6")]
      case _ where session.commands.last == "AUTH LOGIN":
        return [.reply(line == "bm90aWZpZXI=" ? "334 UGFzc3dvcmQ6" : "535 5.7.8 no such user")]
      case _ where session.commands.dropLast().last == "AUTH LOGIN":
        return [.reply(line == "Z2VoZWlt" ? "235 2.7.0 Authentication successful" : "535 5.7.8 wrong password")]
      case _ where line.hasPrefix("AUTH"):
        return [.reply("535 5.7.8 Authentication credentials invalid")]
      case _ where line.hasPrefix("MAIL") && !session.commands.contains(where: { $0.hasPrefix("AUTH") }):
        return [.reply("530 5.7.0 Authentication required")]
      default:
        return FakeSMTPServer.standard(event, session)
      }
    }
  }

  private func makeClient(
    port: Int,
    host: String = "127.0.0.1",
    tls: SMTPConfiguration.TLSMode,
    authentication: SMTPConfiguration.Authentication? = .init(username: "notifier", password: "geheim")
  ) -> SMTPClient {
    SMTPClient(
      configuration: SMTPConfiguration(
        host: host,
        port: port,
        tls: tls,
        authentication: authentication,
        heloName: "client.test",
        commandTimeout: .seconds(10),
        connectTimeout: .seconds(5)
      ),
      eventLoopGroup: MultiThreadedEventLoopGroup.singleton,
      logger: Logger(label: "SMTPClientTLSTests")
    )
  }

  @Test(arguments: ["127.0.0.1", "localhost"])
  func startTLSThenAuthPlainThenSend(host: String) async throws {
    let script = Self.startTLSScript()
    try await FakeSMTPServer.with(script: script, tlsContext: try self.certificate.serverContext()) { server in
      let client = self.makeClient(
        port: server.port, host: host, tls: .startTLS(self.certificate.clientConfiguration()))
      _ = try await client.send(message())
      _ = try await client.send(message())
      await client.shutdown()
      let commands = server.recorder.allCommands
      #expect(commands.prefix(4) == ["EHLO client.test", "STARTTLS", "EHLO client.test", commands[3]])
      #expect(commands[3].hasPrefix("AUTH PLAIN "))
      #expect(server.recorder.messages.count == 2)
      #expect(server.recorder.connections == 1)
    }
  }

  @Test func authLoginWhenOnlyLoginIsOffered() async throws {
    let script = Self.startTLSScript(mechanisms: "LOGIN")
    try await FakeSMTPServer.with(script: script, tlsContext: try self.certificate.serverContext()) { server in
      let client = self.makeClient(port: server.port, tls: .startTLS(self.certificate.clientConfiguration()))
      _ = try await client.send(message())
      await client.shutdown()
      #expect(server.recorder.allCommands.contains("AUTH LOGIN"))
      #expect(server.recorder.messages.count == 1)
    }
  }

  @Test func wrongPasswordIsAnAuthenticationFailure() async throws {
    let script = Self.startTLSScript()
    try await FakeSMTPServer.with(script: script, tlsContext: try self.certificate.serverContext()) { server in
      let client = self.makeClient(
        port: server.port,
        tls: .startTLS(self.certificate.clientConfiguration()),
        authentication: .init(username: "notifier", password: "fout")
      )
      do {
        _ = try await client.send(message())
        Issue.record("expected an authentication failure")
      } catch let error as SMTPError {
        #expect(error.kind == .authenticationFailed)
        #expect(error.code == 535)
        #expect(!error.isTransient)
      }
      await client.shutdown()
    }
  }

  @Test func implicitTLS() async throws {
    let script: FakeSMTPServer.Script = { event, session in
      if case .command(let line) = event, line.hasPrefix("EHLO") {
        return [.reply("250-fake.test", "250 AUTH PLAIN")]
      }
      return Self.startTLSScript()(event, session)
    }
    let serverContext = try self.certificate.serverContext()
    try await FakeSMTPServer.with(script: script, tlsContext: serverContext, implicitTLS: true) { server in
      let client = self.makeClient(port: server.port, tls: .implicit(self.certificate.clientConfiguration()))
      _ = try await client.send(message())
      await client.shutdown()
      #expect(server.recorder.allCommands.first == "EHLO client.test")
      #expect(!server.recorder.allCommands.contains("STARTTLS"))
      #expect(server.recorder.messages.count == 1)
    }
  }

  @Test func untrustedCertificateFailsTheHandshake() async throws {
    let script = Self.startTLSScript()
    try await FakeSMTPServer.with(script: script, tlsContext: try self.certificate.serverContext()) { server in
      // The default configuration trusts only the system's roots.
      let client = self.makeClient(port: server.port, tls: .startTLS())
      do {
        _ = try await client.send(message())
        Issue.record("expected a TLS failure")
      } catch let error as SMTPError {
        #expect(error.kind == .tlsFailed)
        #expect(error.isTransient)
      }
      await client.shutdown()
      // Nothing was sent after STARTTLS: the credentials never left the client.
      #expect(server.recorder.allCommands == ["EHLO client.test", "STARTTLS"])
    }
  }
}
