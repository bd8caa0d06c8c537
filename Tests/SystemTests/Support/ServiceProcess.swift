import Foundation

/// One service binary started as a child process, with its output in a log file.
final class ServiceProcess: @unchecked Sendable {
  // @unchecked: `process` is only touched from the test's own task (start, stop); Foundation's Process is
  // thread-safe for `terminate` and `isRunning`.
  let name: String
  let log: URL
  private let process = Process()

  init(name: String, arguments: [String] = [], environment: [String: String], logDirectory: URL) throws {
    self.name = name
    log = logDirectory.appendingPathComponent("\(name)-\(UUID().uuidString.prefix(6)).log")
    _ = FileManager.default.createFile(atPath: log.path, contents: nil)
    let handle = try FileHandle(forWritingTo: log)
    process.executableURL = TestEnvironment.binaries.appendingPathComponent(name)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    process.standardOutput = handle
    process.standardError = handle
  }

  func start() throws {
    try process.run()
  }

  var isRunning: Bool { process.isRunning }

  /// SIGTERM, then wait up to 15 s for a graceful exit.
  func stop() async {
    guard process.isRunning else { return }
    process.terminate()
    for _ in 0..<150 where process.isRunning {
      try? await Task.sleep(for: .milliseconds(100))
    }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
  }

  /// SIGKILL, as a crash would: no shutdown, no flushing.
  func killHard() async {
    guard process.isRunning else { return }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
  }

  /// Runs to completion and returns the exit status and output (for one-shot commands such as `run-once`).
  func runToEnd() async throws -> (status: Int32, output: String) {
    try process.run()
    while process.isRunning {
      try await Task.sleep(for: .milliseconds(50))
    }
    return (process.terminationStatus, (try? String(contentsOf: log, encoding: .utf8)) ?? "")
  }

  /// The last lines of the log, for failure messages.
  var tail: String {
    let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
    return text.split(separator: "\n").suffix(15).joined(separator: "\n")
  }
}
