public import ServiceLifecycle

extension SMTPClient: Service {
  /// Keeps the client open until graceful shutdown (or cancellation), then waits for the message being sent, says
  /// QUIT and closes the connection, as ``shutdown()`` does.
  ///
  /// Run it in a `ServiceGroup` before the services that send with it: the group stops services in reverse order,
  /// so the senders have finished when the connection closes.
  public func run() async throws {
    try? await gracefulShutdown()  // throws only on cancellation, which ends the client just the same
    await shutdown()
  }
}
