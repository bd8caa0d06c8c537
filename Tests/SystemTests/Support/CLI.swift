import Foundation

/// Runs the `vi` binary as a child process, as an operator would.
enum CLI {
  /// What one run left behind.
  struct Result {
    var status: Int32
    var standardOutput: String
    var standardError: String

    /// Standard output's lines.
    var lines: [String] { standardOutput.split(separator: "\n").map(String.init) }
  }

  /// The `vi` binary: in `VI_BIN_DIR`, else beside the running test binary (the build `swift test` used, whatever
  /// its scratch path), else in `.build/debug`.
  static let binary: URL = {
    var candidates: [URL] = []
    if let directory = TestEnvironment.values["VI_BIN_DIR"] {
      candidates.append(URL(fileURLWithPath: directory))
    }
    if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
      // .../debug/verwijsindexPackageTests.xctest, or .../debug/X.xctest/Contents/MacOS/X on macOS.
      var directory = executable.deletingLastPathComponent()
      while directory.path != "/" && !directory.lastPathComponent.hasSuffix(".xctest")
        && directory.pathComponents.count > 2
        && !FileManager.default.isExecutableFile(atPath: directory.appendingPathComponent("vi").path)
      {
        directory.deleteLastPathComponent()
      }
      candidates.append(
        directory.lastPathComponent.hasSuffix(".xctest") ? directory.deletingLastPathComponent() : directory)
    }
    candidates.append(TestEnvironment.packageRoot.appendingPathComponent(".build/debug"))
    let found = candidates.first { FileManager.default.isExecutableFile(atPath: $0.appendingPathComponent("vi").path) }
    return (found ?? candidates.last!).appendingPathComponent("vi")
  }()

  /// Runs `vi arguments` with `environment` added to this process's, and waits up to `timeout` for it to exit.
  static func run(
    _ arguments: [String], environment: [String: String] = [:], timeout: Duration = .seconds(60)
  ) async throws -> Result {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vi-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let output = directory.appendingPathComponent("stdout")
    let errors = directory.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: output.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = try FileHandle(forWritingTo: output)
    process.standardError = try FileHandle(forWritingTo: errors)
    try process.run()
    let deadline = ContinuousClock.now + timeout
    while process.isRunning {
      if ContinuousClock.now > deadline {
        process.terminate()
        throw SystemError("vi \(arguments.joined(separator: " ")) did not finish within \(timeout)")
      }
      try await Task.sleep(for: .milliseconds(20))
    }
    return Result(
      status: process.terminationStatus, standardOutput: try String(contentsOf: output, encoding: .utf8),
      standardError: try String(contentsOf: errors, encoding: .utf8))
  }
}
