public import PostgresNIO

extension HealthCheck {
  /// Healthy when PostgreSQL answers `SELECT 1` within two seconds.
  public static func postgres(_ client: PostgresClient) -> HealthCheck {
    HealthCheck(name: "postgres") {
      do {
        return try await withThrowingTaskGroup(of: String?.self) { group in
          group.addTask {
            try await client.query("SELECT 1")
            return nil
          }
          group.addTask {
            try await Task.sleep(for: .seconds(2))
            return "no answer within 2 seconds"
          }
          let first = try await group.next()!
          group.cancelAll()
          return first
        }
      } catch {
        return "\(error)"
      }
    }
  }
}
