import Foundation
import Logging
import PostgresNIO
import TestSupport

/// The four services as real processes, on their own topics, consumer groups and databases, so that a run never
/// sees another run's data.
final class LocalSystem: @unchecked Sendable {
  // @unchecked: the services array and the databases are set up in `start()` and read afterwards, all from the
  // test's own task.
  static let services = ["SignalIntake", "Matcher", "Notifier", "Retention"]

  let runID = "t" + UUID().uuidString.prefix(8).lowercased()
  let adminToken = UUID().uuidString + UUID().uuidString
  let pseudonymKey = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255)) }.joined()
  let logDirectory: URL
  private(set) var ports: [String: Int] = [:]
  private(set) var processes: [String: ServiceProcess] = [:]
  private let logger = Logger(label: "system-test")

  init() throws {
    logDirectory = TestEnvironment.packageRoot.appendingPathComponent(".vi/test-logs")
    try FileManager.default.createDirectory(at: logDirectory, withIntermediateDirectories: true)
  }

  var topics: [String: String] {
    [
      "VI_TOPIC_SIGNAL_COMMANDS": "\(runID).signal-commands",
      "VI_TOPIC_SIGNAL_COMMANDS_REJECTED": "\(runID).signal-commands.rejected",
      "VI_TOPIC_SIGNALS": "\(runID).signals", "VI_TOPIC_MATCHES": "\(runID).matches",
      "VI_TOPIC_REGISTRY": "\(runID).registry", "VI_TOPIC_NOTIFICATIONS_FAILED": "\(runID).notifications.failed",
    ]
  }

  func database(_ service: String) -> String { "\(runID)_\(service.lowercased())" }

  /// The environment of `service`.
  func environment(_ service: String) -> [String: String] {
    topics.merging([
      "VI_KAFKA_BROKERS": TestEnvironment.kafkaBrokers,
      "VI_KAFKA_GROUP_PREFIX": runID,
      "VI_KAFKA_PARTITIONS": "3",
      "VI_KAFKA_SESSION_TIMEOUT_MS": "6000",
      "VI_KAFKA_MAX_POLL_INTERVAL_MS": "6000",
      // Debug builds are slow: small batches stay well inside the short poll interval.
      "VI_MATCHER_BATCH_SIZE": "300",
      "VI_POSTGRES_URL": TestDatabase.url(database(service)),
      "VI_HTTP_PORT": String(ports[service] ?? 0),
      "VI_SMTP_HOST": TestEnvironment.smtpHost,
      "VI_SMTP_PORT": TestEnvironment.smtpPort,
      "VI_ADMIN_TOKEN": adminToken,
      "VI_PSEUDONYM_KEY": pseudonymKey,
      "VI_LOG_LEVEL": "info",
    ]) { _, new in new }
  }

  /// Creates the databases and starts `services`, waiting until each answers `/health`.
  func start(_ services: [String] = LocalSystem.services) async throws {
    try await withAdminDatabase { client in
      for service in Self.services {
        try await client.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \"\(database(service))\""), logger: logger)
      }
    }
    for service in Self.services {
      ports[service] = try FreePort.next()
    }
    for service in services {
      let process = try ServiceProcess(name: service, environment: environment(service), logDirectory: logDirectory)
      try process.start()
      processes[service] = process
    }
    for service in services {
      let healthy = await eventually(timeout: .seconds(60)) { () -> Bool? in
        let answer = try? await HTTP.request("GET", url(service, "/health"))
        return answer?.status == 200 ? true : nil
      }
      if healthy == nil {
        throw SystemError("\(service) did not become healthy:\n\(processes[service]!.tail)")
      }
    }
  }

  /// Starts `services` on a new system, runs `body` on it, and stops everything, whether or not `body` threw.
  static func running(
    _ services: [String] = LocalSystem.services, _ body: (LocalSystem) async throws -> Void
  ) async throws {
    let system = try LocalSystem()
    do {
      try await system.start(services)
      try await body(system)
    } catch {
      await system.stop()
      throw error
    }
    await system.stop()
  }

  /// Stops every process and drops the databases.
  func stop() async {
    for process in processes.values {
      await process.stop()
    }
    try? await withAdminDatabase { client in
      for service in Self.services {
        try await client.query(
          PostgresQuery(unsafeSQL: "DROP DATABASE IF EXISTS \"\(database(service))\" WITH (FORCE)"), logger: logger)
      }
    }
  }

  func url(_ service: String, _ path: String) -> String {
    "http://127.0.0.1:\(ports[service]!)\(path)"
  }

  /// Runs `Retention` with `arguments` to completion.
  func runRetention(_ arguments: [String]) async throws -> (status: Int32, output: String) {
    try await ServiceProcess(
      name: "Retention", arguments: arguments, environment: environment("Retention"), logDirectory: logDirectory
    ).runToEnd()
  }

  /// Runs `body` with a client on the service's database.
  func withDatabase<T: Sendable>(
    _ service: String, _ body: @Sendable (PostgresClient) async throws -> T
  ) async throws -> T {
    try await withClient(database: database(service), body)
  }

  private func withAdminDatabase<T: Sendable>(_ body: @Sendable (PostgresClient) async throws -> T) async throws -> T {
    try await withClient(database: "vi_test", body)
  }

  private func withClient<T: Sendable>(
    database: String, _ body: @Sendable (PostgresClient) async throws -> T
  ) async throws -> T {
    try await TestDatabase.withClient(database: database, body)
  }
}

/// A failure of the system under test, with what to look at.
struct SystemError: Error, CustomStringConvertible {
  let description: String
  init(_ description: String) { self.description = description }
}
