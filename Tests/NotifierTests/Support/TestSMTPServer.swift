import Foundation
import NIOCore
import NIOPosix

/// An aiosmtpd of the test's own, on a port that stays the same across ``stop()`` and ``start()``.
///
/// `unknown...@` is refused with 550; `busy...@` gets 450 for its first two attempts; a message to `refused...@`
/// is refused after its data, the way aiosmtpd does it when its handler fails: "500 Error: ..." while the session
/// keeps the envelope, so that a client that sends MAIL next, without RSET, hears "503 nested MAIL command". Every
/// accepted message is a JSON line `{to, subject, body, messageId}` with the subject and body decoded.
final class TestSMTPServer: @unchecked Sendable {
  // @unchecked: `process` and `input` are only touched from the test's own task (start, stop).
  private static let script = #"""
    import email, email.header, email.policy, json, sys
    from aiosmtpd.controller import Controller

    port, output, ready = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    busy = {}

    class Handler:
        async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
            if address.startswith("unknown"):
                return "550 5.1.1 <%s>: Recipient address rejected: User unknown" % address
            if address.startswith("busy"):
                busy[address] = busy.get(address, 0) + 1
                if busy[address] <= 2:
                    return "450 4.2.1 <%s>: Mailbox busy, try later" % address
            envelope.rcpt_tos.append(address)
            return "250 2.1.5 OK"

        async def handle_DATA(self, server, session, envelope):
            if any(address.startswith("refused") for address in envelope.rcpt_tos):
                raise RuntimeError("the mailbox refuses this message")
            message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
            with open(output, "a") as f:
                f.write(json.dumps({"to": envelope.rcpt_tos, "subject": str(message["Subject"]),
                                    "messageId": str(message["Message-ID"]),
                                    "body": message.get_content()}) + "\n")
            return "250 2.0.0 OK: queued"

    controller = Controller(Handler(), hostname="127.0.0.1", port=port)
    controller.start()
    open(ready, "w").close()
    sys.stdin.read()
    controller.stop()
    """#

  /// One received message.
  struct Message: Decodable {
    let to: [String]
    let subject: String
    let messageId: String
    let body: String
  }

  let port: Int
  private let directory: URL
  private var process: Process?
  private var input: Pipe?

  init() async throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    try Self.script.write(to: directory.appendingPathComponent("server.py"), atomically: true, encoding: .utf8)
    let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .bind(host: "127.0.0.1", port: 0).get()
    port = channel.localAddress!.port!
    try await channel.close()
  }

  /// Starts the server and waits until it listens.
  func start() async throws {
    let ready = directory.appendingPathComponent("ready")
    try? FileManager.default.removeItem(at: ready)
    let environment = ProcessInfo.processInfo.environment
    let python =
      environment["VI_SMTP_PYTHON"] ?? "\(environment["VI_CACHE_DIR"] ?? "/var/cache/verwijsindex")/venv/bin/python"
    let process = Process()
    let input = Pipe()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = [
      directory.appendingPathComponent("server.py").path, "\(port)",
      directory.appendingPathComponent("messages.jsonl").path, ready.path,
    ]
    process.standardInput = input
    try process.run()
    self.process = process
    self.input = input
    let deadline = ContinuousClock.now + .seconds(20)
    while !FileManager.default.fileExists(atPath: ready.path) {
      guard process.isRunning, ContinuousClock.now < deadline else {
        process.terminate()
        throw CocoaError(.fileReadNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "aiosmtpd did not start"])
      }
      try await Task.sleep(for: .milliseconds(50))
    }
  }

  /// Stops the server (it closes its connections).
  func stop() {
    try? input?.fileHandleForWriting.close()
    process?.waitUntilExit()
    process = nil
    input = nil
  }

  /// Every message accepted so far.
  func messages() throws -> [Message] {
    guard let text = try? String(contentsOf: directory.appendingPathComponent("messages.jsonl"), encoding: .utf8)
    else { return [] }
    return try text.split(separator: "\n").map { try JSONDecoder().decode(Message.self, from: Data($0.utf8)) }
  }

  /// Stops the server and removes its files.
  func remove() {
    stop()
    try? FileManager.default.removeItem(at: directory)
  }
}
