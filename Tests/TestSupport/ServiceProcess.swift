public import Foundation

/// One service binary started as a child process, with its output in a log file.
public final class ServiceProcess: @unchecked Sendable {
  // @unchecked: `process` is only touched from the test's own task (start, stop); Foundation's Process is
  // thread-safe for `terminate` and `isRunning`.

  /// The services' binaries: `VI_BIN_DIR`, or the debug build that `swift test` just made.
  public static let binaries = URL(
    fileURLWithPath: ProcessInfo.processInfo.environment["VI_BIN_DIR"]
      ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent(".build/debug").path)

  /// The binary's name.
  public let name: String
  /// The file that gets its standard output and standard error.
  public let log: URL
  private let process = Process()

  /// Prepares binary `name` with `arguments` and the test's environment overridden by `environment`, logging to a
  /// new file in `logDirectory`; ``start()`` or ``runToEnd()`` runs it.
  public convenience init(
    name: String, arguments: [String] = [], environment: [String: String], logDirectory: URL
  ) throws {
    try self.init(
      executable: Self.binaries.appendingPathComponent(name), name: name, arguments: arguments,
      environment: environment, logDirectory: logDirectory)
  }

  /// Prepares any `executable` (such as the broker of the stack's venv) as ``init(name:arguments:environment:logDirectory:)``
  /// prepares a service binary.
  public init(
    executable: URL, name: String, arguments: [String] = [], environment: [String: String], logDirectory: URL
  ) throws {
    self.name = name
    log = logDirectory.appendingPathComponent("\(name)-\(UUID().uuidString.prefix(6)).log")
    _ = FileManager.default.createFile(atPath: log.path, contents: nil)
    let handle = try FileHandle(forWritingTo: log)
    process.executableURL = executable
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    process.standardOutput = handle
    process.standardError = handle
  }

  /// Starts it.
  public func start() throws {
    try process.run()
  }

  /// Whether it still runs.
  public var isRunning: Bool { process.isRunning }

  /// SIGTERM, then wait up to 15 s for a graceful exit.
  public func stop() async {
    guard process.isRunning else { return }
    process.terminate()
    for _ in 0..<150 where process.isRunning {
      try? await Task.sleep(for: .milliseconds(100))
    }
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
  }

  /// SIGTERM, then wait up to `limit` for the exit; returns how long it took, or `nil` when it still ran (then it
  /// is killed with SIGKILL).
  public func terminate(within limit: Duration) async -> Duration? {
    guard process.isRunning else { return .zero }
    let started = ContinuousClock.now
    process.terminate()
    while process.isRunning && ContinuousClock.now - started < limit {
      try? await Task.sleep(for: .milliseconds(50))
    }
    guard process.isRunning else { return ContinuousClock.now - started }
    await killHard()
    return nil
  }

  /// The exit status, once it has exited.
  public var terminationStatus: Int32? { process.isRunning ? nil : process.terminationStatus }

  /// SIGKILL, as a crash would: no shutdown, no flushing.
  public func killHard() async {
    guard process.isRunning else { return }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
  }

  /// Runs to completion and returns the exit status and output (for one-shot commands such as `run-once`).
  public func runToEnd() async throws -> (status: Int32, output: String) {
    try process.run()
    while process.isRunning {
      try await Task.sleep(for: .milliseconds(50))
    }
    return (process.terminationStatus, output)
  }

  /// Everything it wrote so far.
  public var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

  /// The last lines of the log, for failure messages.
  public var tail: String { output.split(separator: "\n").suffix(15).joined(separator: "\n") }
}
