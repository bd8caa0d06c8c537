public import Testing

extension Tag {
  /// Pure tests: no server and no other process; they run anywhere, in seconds.
  @Tag public static var unit: Self
  /// Tests against the real PostgreSQL, Kafka broker or SMTP server of the local stack (`scripts/stack.sh`).
  @Tag public static var integration: Self
  /// Tests that run the services as processes against the local stack.
  @Tag public static var system: Self
}
