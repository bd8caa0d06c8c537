import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import TestTags
import Testing

@testable import SMTPClient

/// ``SMTPClient`` against a real aiosmtpd with required STARTTLS and AUTH.
///
/// Needs a Python with aiosmtpd: `VI_SMTP_PYTHON`, by default the venv that `scripts/install-tools.sh` makes
/// (`$VI_CACHE_DIR/venv`, `/var/cache/verwijsindex/venv`), which the test command installs.
@Suite("SMTP client against aiosmtpd", .tags(.integration), .localStack, .serialized)
struct AiosmtpdTests {
  /// The server: STARTTLS required, AUTH (PLAIN and LOGIN) required for `notifier`/`geheim`, `unknown@...` refused
  /// with 550; every accepted message is appended as a JSON line to the file in argv[4].
  private static let serverScript = #"""
    import json, ssl, sys, time
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, LoginPassword

    cert, key, port, output, ready = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]

    class Handler:
        async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
            if address.startswith("unknown@"):
                return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
            envelope.rcpt_tos.append(address)
            return "250 2.1.5 OK"

        async def handle_DATA(self, server, session, envelope):
            with open(output, "a") as f:
                f.write(json.dumps({"from": envelope.mail_from, "to": envelope.rcpt_tos,
                                    "data": envelope.original_content.decode("ascii")}) + "\n")
            return "250 2.0.0 OK: queued"

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.login == b"notifier" \
            and auth_data.password == b"geheim"
        # handled=False: let aiosmtpd send 535 on failure.
        return AuthResult(success=ok, handled=False)

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    controller = Controller(Handler(), hostname="127.0.0.1", port=port, tls_context=context,
                            require_starttls=True, authenticator=authenticator, auth_required=True)
    controller.start()
    open(ready, "w").close()
    sys.stdin.read()
    controller.stop()
    """#

  /// A running aiosmtpd process.
  private struct Server {
    let process: Process
    let input: Pipe
    let port: Int
    let outputPath: String
    let directory: URL

    static func start(certificate: TestCertificate) async throws -> Server {
      let directory = FileManager.default.temporaryDirectory.appendingPathComponent("aiosmtpd-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      let scriptPath = directory.appendingPathComponent("server.py").path
      try AiosmtpdTests.serverScript.write(toFile: scriptPath, atomically: true, encoding: .utf8)
      let port = try await Self.freePort()
      let outputPath = directory.appendingPathComponent("messages.jsonl").path
      let readyPath = directory.appendingPathComponent("ready").path
      let environment = ProcessInfo.processInfo.environment
      let python =
        environment["VI_SMTP_PYTHON"]
        ?? "\(environment["VI_CACHE_DIR"] ?? "/var/cache/verwijsindex")/venv/bin/python"
      let process = Process()
      let input = Pipe()
      process.executableURL = URL(fileURLWithPath: python)
      process.arguments = [
        scriptPath, certificate.certificatePath, certificate.keyPath, "\(port)", outputPath, readyPath,
      ]
      process.standardInput = input
      try process.run()
      let deadline = ContinuousClock.now + .seconds(20)
      while !FileManager.default.fileExists(atPath: readyPath) {
        guard process.isRunning, ContinuousClock.now < deadline else {
          process.terminate()
          throw CocoaError(.fileReadNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "aiosmtpd did not start"])
        }
        try await Task.sleep(for: .milliseconds(50))
      }
      return Server(process: process, input: input, port: port, outputPath: outputPath, directory: directory)
    }

    /// The messages the server accepted.
    func messages() throws -> [[String: any Sendable]] {
      guard let text = try? String(contentsOfFile: self.outputPath, encoding: .utf8) else {
        return []
      }
      return try text.split(separator: "\n").map {
        try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: any Sendable] ?? [:]
      }
    }

    func stop() {
      try? self.input.fileHandleForWriting.close()
      self.process.waitUntilExit()
      try? FileManager.default.removeItem(at: self.directory)
    }

    private static func freePort() async throws -> Int {
      let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        .bind(host: "127.0.0.1", port: 0)
        .get()
      let port = channel.localAddress!.port!
      try await channel.close()
      return port
    }
  }

  private func withServer(_ body: (Server, TestCertificate) async throws -> Void) async throws {
    let certificate = try TestCertificate.make(keepFiles: true)
    defer { certificate.remove() }
    let server = try await Server.start(certificate: certificate)
    defer { server.stop() }
    try await body(server, certificate)
  }

  private func makeClient(
    _ server: Server,
    _ certificate: TestCertificate,
    method: SMTPConfiguration.Authentication.Method = .automatic
  ) -> SMTPClient {
    SMTPClient(
      configuration: SMTPConfiguration(
        host: "localhost",
        port: server.port,
        tls: .startTLS(certificate.clientConfiguration()),
        authentication: .init(username: "notifier", password: "geheim", method: method),
        heloName: "client.test",
        commandTimeout: .seconds(10)
      ),
      eventLoopGroup: MultiThreadedEventLoopGroup.singleton,
      logger: Logger(label: "AiosmtpdTests")
    )
  }

  @Test(arguments: [SMTPConfiguration.Authentication.Method.plain, .login])
  func sendsOverStartTLSWithAuthentication(method: SMTPConfiguration.Authentication.Method) async throws {
    try await self.withServer { server, certificate in
      let client = self.makeClient(server, certificate, method: method)
      let body = "Beste collega,\n.regel met een punt\nEr is een melding over Zoë.\n"
      let delivery = try await client.send(message(to: ["jan@example.test"], subject: "Melding voor Zoë", body: body))
      _ = try await client.send(message(to: ["piet@example.test"]))
      await client.shutdown()
      #expect(delivery.reply.code == 250)
      let messages = try server.messages()
      #expect(messages.count == 2)
      let data = try #require(messages.first?["data"] as? String)
      #expect(messages.first?["to"] as? [String] == ["jan@example.test"])
      #expect(data.contains("\r\n.regel met een punt\r\n"))
      #expect(data.contains("Er is een melding over Zo=C3=AB."))
      #expect(data.contains("Subject: =?UTF-8?B?"))
    }
  }

  @Test func unknownRecipientIsPermanent() async throws {
    try await self.withServer { server, certificate in
      let client = self.makeClient(server, certificate)
      do {
        _ = try await client.send(message(to: ["unknown@example.test"]))
        Issue.record("expected a refusal")
      } catch let error as SMTPError {
        #expect(error.kind == .recipientRejected)
        #expect(error.code == 550)
        #expect(error.recipient == "unknown@example.test")
        #expect(!error.isTransient)
      }
      // The connection stays usable.
      _ = try await client.send(message(to: ["jan@example.test"]))
      await client.shutdown()
      #expect(try server.messages().count == 1)
    }
  }

  @Test func wrongPasswordFails() async throws {
    try await self.withServer { server, certificate in
      let client = SMTPClient(
        configuration: SMTPConfiguration(
          host: "127.0.0.1",
          port: server.port,
          tls: .startTLS(certificate.clientConfiguration()),
          authentication: .init(username: "notifier", password: "fout"),
          heloName: "client.test",
          commandTimeout: .seconds(10)
        ),
        eventLoopGroup: MultiThreadedEventLoopGroup.singleton,
        logger: Logger(label: "AiosmtpdTests")
      )
      do {
        _ = try await client.send(message())
        Issue.record("expected an authentication failure")
      } catch let error as SMTPError {
        #expect(error.kind == .authenticationFailed)
        #expect(error.code == 535)
      }
      await client.shutdown()
    }
  }
}
