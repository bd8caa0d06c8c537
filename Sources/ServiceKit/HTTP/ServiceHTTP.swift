public import Hummingbird
public import KafkaClient
public import Logging
public import PostgresNIO

/// The HTTP server every service runs: problem+json errors, `/health/live`, `/health/ready` and `/health`
/// (PostgreSQL, Kafka and any further `checks`), `/metrics`, and the service's own routes.
public enum ServiceHTTP {
  /// The server on `host:port`; `routes` adds the service's own endpoints. Readiness asks the brokers of `kafka`
  /// through one ``KafkaHealthProbe`` that lives as long as the server.
  public static func application(
    service: String, host: String, port: Int, postgres: PostgresClient, kafka: KafkaClientConfiguration,
    checks: [HealthCheck] = [], logger: Logger, routes: (Router<BasicRequestContext>) -> Void = { _ in }
  ) -> some ApplicationProtocol {
    let router = Router()
    router.add(middleware: ProblemMiddleware(logger: logger))
    let probe = KafkaHealthProbe(client: kafka, logger: logger)
    OperationsRoutes.add(to: router, service: service, checks: [.postgres(postgres), .kafka(probe)] + checks)
    routes(router)
    return Application(router: router, configuration: .init(address: .hostname(host, port: port)), logger: logger)
  }
}
