public import Hummingbird
public import Logging
public import PostgresNIO

/// The HTTP server every service runs: problem+json errors, `/health` (PostgreSQL and any further `checks`),
/// `/metrics`, and the service's own routes.
public enum ServiceHTTP {
  /// The server on `host:port`; `routes` adds the service's own endpoints.
  public static func application(
    service: String, host: String, port: Int, postgres: PostgresClient, checks: [HealthCheck] = [], logger: Logger,
    routes: (Router<BasicRequestContext>) -> Void = { _ in }
  ) -> some ApplicationProtocol {
    let router = Router()
    router.add(middleware: ProblemMiddleware(logger: logger))
    OperationsRoutes.add(to: router, service: service, checks: [.postgres(postgres)] + checks)
    routes(router)
    return Application(router: router, configuration: .init(address: .hostname(host, port: port)), logger: logger)
  }
}
