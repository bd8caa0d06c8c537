import Foundation
public import Hummingbird
import NIOCore

/// `GET /health` and `GET /metrics`, which every service serves.
public enum OperationsRoutes {
  /// Adds the operations routes to `router`. `/health` answers 200 when every check passes, else 503, with a JSON
  /// body naming each check's state.
  public static func add<Context: RequestContext>(
    to router: Router<Context>, service: String, checks: [HealthCheck] = []
  ) {
    router.get("/health") { _, _ -> Response in
      var failures: [String: String] = [:]
      for check in checks {
        if let problem = await check.check() {
          failures[check.name] = problem
        }
      }
      let report: [String: Any] = [
        "service": service,
        "status": failures.isEmpty ? "ok" : "unavailable",
        "checks": Dictionary(uniqueKeysWithValues: checks.map { ($0.name, failures[$0.name] ?? "ok") }),
      ]
      let body = try JSONSerialization.data(withJSONObject: report, options: [.sortedKeys])
      return Response(
        status: failures.isEmpty ? .ok : .serviceUnavailable, headers: [.contentType: "application/json"],
        body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
    router.get("/metrics") { _, _ -> Response in
      Response(
        status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
        body: ResponseBody(byteBuffer: ByteBuffer(bytes: Observability.registry.emitToBuffer())))
    }
  }
}
