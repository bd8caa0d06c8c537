import Foundation
import TestSupport
import TestTags
import Testing

/// Every service exits within `VI_SHUTDOWN_GRACE_SECONDS` of SIGTERM, whatever it is waiting for: PostgreSQL gone
/// while it runs, PostgreSQL unreachable while it starts, Kafka unreachable while it runs.
@Suite("Shutdown within the grace period", .tags(.system), .localStack, .serialized)
struct ShutdownTests {
  static let grace = 4
  /// What the test allows beyond the grace period: the process's own exit and the test's polling.
  static let slack = Duration.seconds(4)

  @Test("SIGTERM after PostgreSQL went away while the service ran", arguments: LocalSystem.services)
  func postgresGoneWhileRunning(service: String) async throws {
    try await LocalSystem.running([]) { system in
      let proxy = try await TCPProxy(port: try FreePort.next(), target: Self.postgresPort)
      defer { proxy.cut() }
      let process = try await system.startInstance(
        service,
        overriding: [
          "VI_POSTGRES_URL": Self.url(system.database(service), port: proxy.port),
          "VI_SHUTDOWN_GRACE_SECONDS": "\(Self.grace)",
        ])
      try await Task.sleep(for: .seconds(2))
      proxy.cut()
      // Its loops now wait for PostgreSQL, as they do while it is down.
      try await Task.sleep(for: .seconds(3))
      try await Self.expectBoundedExit(process, "\(service), PostgreSQL gone while running")
    }
  }

  @Test("SIGTERM while the service starts and cannot reach PostgreSQL", arguments: LocalSystem.services)
  func postgresUnreachableWhileStarting(service: String) async throws {
    try await LocalSystem.running([]) { system in
      let process = try await system.startInstance(
        service,
        overriding: [
          "VI_POSTGRES_URL": Self.url(system.database(service), port: try FreePort.next()),
          "VI_SHUTDOWN_GRACE_SECONDS": "\(Self.grace)",
        ], waitUntilHealthy: false)
      try await Task.sleep(for: .seconds(3))
      try await Self.expectBoundedExit(process, "\(service), PostgreSQL unreachable while starting")
    }
  }

  @Test("SIGTERM while the service runs and cannot reach Kafka", arguments: LocalSystem.services)
  func kafkaUnreachableWhileRunning(service: String) async throws {
    try await LocalSystem.running([]) { system in
      let process = try await system.startInstance(
        service,
        overriding: [
          "VI_KAFKA_BROKERS": "127.0.0.1:\(try FreePort.next())", "VI_KAFKA_CREATE_TOPICS": "false",
          "VI_SHUTDOWN_GRACE_SECONDS": "\(Self.grace)",
        ], healthPath: "/health/live")  // running, but not ready: readiness checks Kafka
      try await Task.sleep(for: .seconds(3))
      try await Self.expectBoundedExit(process, "\(service), Kafka unreachable while running")
    }
  }

  static let postgresPort = URLComponents(string: TestDatabase.base)?.port ?? 55432

  /// The test database URL of `database`, through `port`.
  static func url(_ database: String, port: Int) -> String {
    var components = URLComponents(string: TestDatabase.url(database))!
    components.port = port
    return components.string!
  }

  static func expectBoundedExit(_ process: ServiceProcess, _ what: String) async throws {
    let took = await process.terminate(within: .seconds(grace) + slack)
    print("shutdown: \(what): \(took.map { "exited after \($0)" } ?? "still running, killed")")
    #expect(took != nil, "\(what): still running \(Duration.seconds(grace) + slack) after SIGTERM:\n\(process.tail)")
  }
}
