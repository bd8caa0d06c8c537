public import PostgresNIO

extension HealthCheck {
  /// Healthy when PostgreSQL answers `SELECT 1`; the readiness endpoint bounds it (see ``run(timeout:)``).
  public static func postgres(_ client: PostgresClient) -> HealthCheck {
    HealthCheck(name: "postgres") {
      do {
        try await client.query("SELECT 1")
        return nil
      } catch {
        return "\(error)"
      }
    }
  }
}
