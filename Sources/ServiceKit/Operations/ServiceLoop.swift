public import ServiceLifecycle

/// A `Service` made of a closure: for loops that read a consumer's batches or run on a schedule.
public struct ServiceLoop: Service, CustomStringConvertible {
  /// The name shown in ServiceGroup logs.
  public let description: String
  private let body: @Sendable () async throws -> Void

  /// A service named `name` that runs `body` until it returns. `body` should end on graceful shutdown (for example
  /// by iterating with `cancelOnGracefulShutdown()`).
  public init(_ name: String, _ body: @escaping @Sendable () async throws -> Void) {
    self.description = name
    self.body = body
  }

  /// Runs the body.
  public func run() async throws {
    try await body()
  }
}
