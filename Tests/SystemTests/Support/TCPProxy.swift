import Foundation

/// A TCP forwarder on loopback, in a process of its own, to take a server away from the services under test:
/// ``cut()`` kills it, so every connection through it breaks at once and new ones are refused, as when the server
/// itself stops.
final class TCPProxy: @unchecked Sendable {
  // @unchecked: `process` is only touched from the test's own task (start, cut).
  private static let script = #"""
    import asyncio, sys

    listen, target, ready = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]

    async def pipe(reader, writer):
        try:
            while data := await reader.read(65536):
                writer.write(data)
                await writer.drain()
        except Exception:
            pass
        finally:
            writer.close()

    async def handle(reader, writer):
        try:
            upstream_reader, upstream_writer = await asyncio.open_connection("127.0.0.1", target)
        except OSError:
            writer.close()
            return
        await asyncio.gather(pipe(reader, upstream_writer), pipe(upstream_reader, writer))

    async def main():
        server = await asyncio.start_server(handle, "127.0.0.1", listen)
        open(ready, "w").close()
        await server.serve_forever()

    asyncio.run(main())
    """#

  /// The port it listens on.
  let port: Int
  private let process = Process()
  private let directory: URL

  /// Starts forwarding `port` (a free one) to `127.0.0.1:target`, and returns once it listens.
  init(port: Int, target: Int) async throws {
    self.port = port
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("proxy-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let script = directory.appendingPathComponent("proxy.py")
    let ready = directory.appendingPathComponent("ready")
    try Self.script.write(to: script, atomically: true, encoding: .utf8)
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", script.path, "\(port)", "\(target)", ready.path]
    try process.run()
    for _ in 0..<100 where !FileManager.default.fileExists(atPath: ready.path) {
      try await Task.sleep(for: .milliseconds(50))
    }
    guard FileManager.default.fileExists(atPath: ready.path) else {
      cut()
      throw SystemError("the TCP proxy on port \(port) did not start")
    }
  }

  /// Kills the forwarder: the server is gone for everything that went through it.
  func cut() {
    if process.isRunning {
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
    }
    try? FileManager.default.removeItem(at: directory)
  }
}
