import Foundation
import Hummingbird
import HummingbirdTesting
import KafkaClient
import Logging
import PostgresNIO
import ServiceKit
import TestSupport
import TestTags
import Testing

/// `/health/live`, `/health/ready` and `/health` of the HTTP application every service runs, against the local
/// stack and against dependencies that are not there (a closed port).
@Suite("Health: liveness and readiness", .tags(.integration), .localStack, .serialized, .timeLimit(.minutes(2)))
struct HealthEndpointTests {
  static let logger = Logger(label: "health-test")
  static let brokers = ProcessInfo.processInfo.environment["VI_KAFKA_BROKERS"] ?? "127.0.0.1:9092"

  @Test("readiness answers 200 when PostgreSQL and Kafka both answer")
  func readyWhenBothAnswer() async throws {
    try await TestDatabase.withClient(database: "vi_test") { postgres in
      try await Self.withApp(postgres: postgres, brokers: Self.brokers) { http in
        for path in ["/health/ready", "/health"] {
          let (status, body) = try await Self.get(path, http)
          #expect(status == .ok, "\(path): \(body)")
          #expect(body["status"] as? String == "ok")
          let checks = body["checks"] as? [String: String]
          #expect(checks == ["postgres": "ok", "kafka": "ok"], "\(path)")
        }
      }
    }
  }

  @Test("readiness answers 503 naming Kafka, within the timeout, when the brokers are unreachable")
  func notReadyWithoutKafka() async throws {
    let closed = try FreePort.next()
    try await TestDatabase.withClient(database: "vi_test") { postgres in
      try await Self.withApp(postgres: postgres, brokers: "127.0.0.1:\(closed)") { http in
        for path in ["/health/ready", "/health"] {
          let started = ContinuousClock.now
          let (status, body) = try await Self.get(path, http)
          let took = ContinuousClock.now - started
          #expect(status == .serviceUnavailable, "\(path): \(body)")
          #expect(body["status"] as? String == "unavailable")
          let checks = try #require(body["checks"] as? [String: String])
          #expect(checks["postgres"] == "ok")
          let kafka = try #require(checks["kafka"])
          #expect(kafka != "ok")
          #expect(kafka.contains("127.0.0.1:\(closed)"), "\(kafka)")
          #expect(took < .seconds(4), "\(path) took \(took)")
        }
      }
    }
  }

  @Test("liveness answers 200 while PostgreSQL and Kafka are unreachable; readiness names both")
  func liveWithoutDependencies() async throws {
    let closedPostgres = try FreePort.next()
    let closedKafka = try FreePort.next()
    let url = try #require(PostgresURL(string: "postgres://vi:vi@127.0.0.1:\(closedPostgres)/vi_test"))
    let postgres = PostgresClient(configuration: url.clientConfiguration)
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { await postgres.run() }
      defer { group.cancelAll() }
      try await Self.withApp(postgres: postgres, brokers: "127.0.0.1:\(closedKafka)") { http in
        let started = ContinuousClock.now
        let (live, liveBody) = try await Self.get("/health/live", http)
        #expect(live == .ok, "\(liveBody)")
        #expect(liveBody["status"] as? String == "ok")
        #expect(ContinuousClock.now - started < .seconds(1))

        let (ready, readyBody) = try await Self.get("/health/ready", http)
        #expect(ready == .serviceUnavailable)
        let checks = try #require(readyBody["checks"] as? [String: String])
        #expect(checks["postgres"] != "ok" && checks["postgres"] != nil, "\(checks)")
        #expect(checks["kafka"] != "ok" && checks["kafka"] != nil, "\(checks)")
      }
    }
  }

  /// Runs `body` with a test client of the services' HTTP application on `postgres` and `brokers`.
  private static func withApp(
    postgres: PostgresClient, brokers: String, _ body: @Sendable (any TestClientProtocol) async throws -> Void
  ) async throws {
    let kafka = KafkaClientConfiguration(bootstrapServers: brokers, clientID: "health-test")
    let app = ServiceHTTP.application(
      service: "HealthTest", host: "127.0.0.1", port: 0, postgres: postgres, kafka: kafka, logger: logger)
    try await app.test(.router) { http in try await body(http) }
  }

  /// The status and JSON body of `GET path`.
  private static func get(
    _ path: String, _ http: any TestClientProtocol
  ) async throws -> (HTTPResponse.Status, [String: Any]) {
    try await http.execute(uri: path, method: .get) { response in
      let body = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any] ?? [:]
      return (response.status, body)
    }
  }
}
