import Foundation
import PostgresNIO
import TestSupport

extension LocalSystem {
  /// Starts one more instance of `service` (same group, database and topics, a port of its own, the environment
  /// changed by `overrides`) and, unless told not to, waits until it answers 200 on `healthPath` (readiness by
  /// default; `/health/live` for an instance that runs without a dependency). The caller stops it.
  func startInstance(
    _ service: String, overriding overrides: [String: String] = [:], waitUntilHealthy: Bool = true,
    healthPath: String = "/health"
  ) async throws -> ServiceProcess {
    let port = try FreePort.next()
    var environment = environment(service).merging(overrides) { _, new in new }
    environment["VI_HTTP_PORT"] = String(port)
    let process = try ServiceProcess(name: service, environment: environment, logDirectory: logDirectory)
    try process.start()
    guard waitUntilHealthy else { return process }
    let healthy = await eventually(timeout: .seconds(60)) { () -> Bool? in
      let answer = try? await HTTP.request("GET", "http://127.0.0.1:\(port)\(healthPath)")
      return answer?.status == 200 ? true : nil
    }
    guard healthy != nil else { throw SystemError("\(service) did not become healthy:\n\(process.tail)") }
    return process
  }

  /// How many signals the Matcher has stored.
  func storedSignals() async throws -> Int {
    try await withDatabase("Matcher") { client in
      for try await count in try await client.query("SELECT count(*)::int FROM signals").decode(Int.self) {
        return count
      }
      return 0
    }
  }

  /// Whether the Matcher stored `signals` signals and relayed its whole outbox.
  func outboxDrained(signals: Int) async throws -> Bool {
    try await withDatabase("Matcher") { client in
      let rows = try await client.query(
        "SELECT (SELECT count(*) FROM signals)::int, (SELECT count(*) FROM outbox)::int")
      for try await (stored, outbox) in rows.decode((Int, Int).self) {
        return stored >= signals && outbox == 0
      }
      return false
    }
  }
}
