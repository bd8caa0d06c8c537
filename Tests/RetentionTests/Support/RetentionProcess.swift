import Foundation

/// The Retention binary (from `VI_BIN_DIR`, or the debug build `swift test` made) as a child process, its output in
/// a file.
final class RetentionProcess: @unchecked Sendable {
  // @unchecked: `process` is only touched from the test's own task (start, kill, stop); Foundation's Process is
  // thread-safe for `terminate` and `isRunning`.
  static let binaries = URL(
    fileURLWithPath: ProcessInfo.processInfo.environment["VI_BIN_DIR"]
      ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".build/debug").path)

  let log: URL
  private let process = Process()

  init(_ arguments: [String], environment: [String: String]) throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("retention-tests")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    log = directory.appendingPathComponent("Retention-\(UUID().uuidString.prefix(8)).log")
    _ = FileManager.default.createFile(atPath: log.path, contents: nil)
    let handle = try FileHandle(forWritingTo: log)
    process.executableURL = Self.binaries.appendingPathComponent("Retention")
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    process.standardOutput = handle
    process.standardError = handle
    try process.run()
  }

  var isRunning: Bool { process.isRunning }

  /// SIGKILL: no graceful anything.
  func kill9() async {
    kill(process.processIdentifier, SIGKILL)
    while process.isRunning { try? await Task.sleep(for: .milliseconds(20)) }
  }

  /// SIGTERM, then wait up to 15 s for a graceful exit.
  func stop() async {
    guard process.isRunning else { return }
    process.terminate()
    for _ in 0..<150 where process.isRunning {
      try? await Task.sleep(for: .milliseconds(100))
    }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
  }

  /// Waits for the process to end; returns its status and output.
  func wait() async -> (status: Int32, output: String) {
    while process.isRunning { try? await Task.sleep(for: .milliseconds(50)) }
    return (process.terminationStatus, output)
  }

  var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

  /// The counts of the "Emitted lifecycle events" log lines (JSON log format).
  var emittedCounts: [Int] {
    output.split(separator: "\n").compactMap { line in
      guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
        object["message"] as? String == "Emitted lifecycle events", let count = object["count"] as? String
      else { return nil }
      return Int(count)
    }
  }

  /// The last lines of the output, for failure messages.
  var tail: String { output.split(separator: "\n").suffix(15).joined(separator: "\n") }
}
