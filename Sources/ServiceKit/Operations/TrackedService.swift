import ServiceLifecycle

/// A service of the group whose running the ``ShutdownDeadline`` follows, so that it can name the services it
/// abandons when the grace period runs out.
struct TrackedService: Service, CustomStringConvertible {
  let service: any Service
  let deadline: ShutdownDeadline

  var description: String { String(describing: service) }

  func run() async throws {
    try await deadline.track(description) { try await service.run() }
  }
}
