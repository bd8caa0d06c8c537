import Foundation
public import Hummingbird
import NIOCore
import ServiceLifecycle

/// `GET /health/live`, `GET /health/ready`, `GET /health` and `GET /metrics`, which every service serves.
public enum OperationsRoutes {
  /// How long each readiness check may take before it counts as failed.
  public static let checkTimeout: Duration = .seconds(2)

  /// Adds the operations routes to `router`.
  ///
  /// - `/health/live` (liveness) answers 200 while the process serves HTTP and is not shutting down, else 503; it
  ///   checks no dependency, so that an outage of PostgreSQL or Kafka does not make an orchestrator restart every
  ///   service.
  /// - `/health/ready` (readiness) runs every check at once, each bounded by `checkTimeout`, and answers 200 when
  ///   all pass, else 503; the JSON body names each check's state (`ok` or what is wrong).
  /// - `/health` is readiness, under the name that compose, the scripts and the tests have always asked.
  public static func add<Context: RequestContext>(
    to router: Router<Context>, service: String, checks: [HealthCheck] = [], checkTimeout: Duration = checkTimeout
  ) {
    router.get("/health/live") { _, _ -> Response in
      let stopping = Task.isShuttingDownGracefully || ShutdownDeadline.current?.isStopping == true
      return try report(
        service: service,
        states: stopping ? ["process": "shutting down; the process exits within VI_SHUTDOWN_GRACE_SECONDS"] : [:],
        ok: !stopping)
    }
    let readiness: @Sendable (Request, Context) async throws -> Response = { _, _ in
      let states = await withTaskGroup(of: (String, String?).self) { group in
        for check in checks {
          group.addTask { (check.name, await check.run(timeout: checkTimeout)) }
        }
        var states: [String: String] = [:]
        for await (name, problem) in group {
          states[name] = problem ?? "ok"
        }
        return states
      }
      return try report(service: service, states: states, ok: states.values.allSatisfy { $0 == "ok" })
    }
    router.get("/health/ready", use: readiness)
    router.get("/health", use: readiness)
    router.get("/metrics") { _, _ -> Response in
      Response(
        status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
        body: ResponseBody(byteBuffer: ByteBuffer(bytes: Observability.registry.emitToBuffer())))
    }
  }

  /// The JSON health report: 200 and `ok` when `ok`, else 503 and `unavailable`; `checks` holds each state.
  private static func report(service: String, states: [String: String], ok: Bool) throws -> Response {
    let report: [String: Any] = ["service": service, "status": ok ? "ok" : "unavailable", "checks": states]
    let body = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])
    return Response(
      status: ok ? .ok : .serviceUnavailable, headers: [.contentType: "application/json"],
      body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
  }
}
