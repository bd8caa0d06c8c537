import Dispatch
import Foundation
public import Logging
import NIOConcurrencyHelpers
public import ServiceLifecycle

/// Bounds how long a service takes to exit after SIGTERM or SIGINT, in every state: starting, running, waiting for
/// PostgreSQL, waiting for Kafka.
///
/// The first signal starts the grace period (`VI_SHUTDOWN_GRACE_SECONDS`). While starting, the start task is
/// cancelled. While running, the service group shuts down gracefully, in reverse order of its services; after
/// three quarters of the grace period, ServiceLifecycle escalates to cancelling the services that have not
/// finished. When the grace period is over, the process logs which services it abandons and exits with status 1:
/// nothing is lost by that, since a batch is committed (to PostgreSQL, to Kafka) only once it is done, and Kafka
/// delivers every uncommitted record again to the next instance.
public final class ShutdownDeadline: @unchecked Sendable {
  // @unchecked: `sources` is set once in `init` and never read again (it only keeps the signal sources alive);
  // Dispatch runs their handlers on `queue`. Everything that changes is in `machine`, behind its lock.

  /// The deadline of the process's main task, set by ``ServiceMain``; `nil` in tests that run parts alone.
  @TaskLocal public static var current: ShutdownDeadline?

  /// How long the process may take to exit after the first signal.
  public let grace: Duration
  private let logger: Logger
  private let machine: NIOLockedValueBox<StateMachine>
  private let queue = DispatchQueue(label: "vi.shutdown-deadline")
  private var sources: [any DispatchSourceSignal] = []

  /// The exit status when the grace period runs out.
  public static let abandonedExitCode: Int32 = 1

  private init(grace: Duration, logger: Logger, cancelStart: @escaping @Sendable () -> Void) {
    self.grace = grace
    self.logger = logger
    self.machine = NIOLockedValueBox(StateMachine(cancelStart: cancelStart))
    for signalNumber in [SIGTERM, SIGINT] {
      signal(signalNumber, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
      source.setEventHandler { [weak self] in self?.signalReceived(signalNumber) }
      source.resume()
      sources.append(source)
    }
  }

  deinit {
    for source in sources { source.cancel() }
  }

  /// Runs `body`, the whole life of the service, under a deadline that SIGTERM and SIGINT start. `body` runs its
  /// long-lived parts with ``runGroup(_:)``.
  public static func run(
    grace: Duration, logger: Logger, _ body: @escaping @Sendable () async throws -> Void
  ) async throws {
    let start = NIOLockedValueBox<Task<Void, any Error>?>(nil)
    let deadline = ShutdownDeadline(grace: grace, logger: logger) {
      start.withLockedValue { $0?.cancel() }
    }
    let task = Task { try await ShutdownDeadline.$current.withValue(deadline) { try await body() } }
    start.withLockedValue { $0 = task }
    try await withTaskCancellationHandler {
      try await task.value
    } onCancel: {
      task.cancel()
    }
    withExtendedLifetime(deadline) {}
  }

  /// Runs `group` until it finishes; the first signal shuts it down gracefully, and after three quarters of the
  /// grace period the services still running are cancelled.
  public func runGroup(_ group: ServiceGroup) async throws {
    switch machine.withLockedValue({ $0.groupStarts(group) }) {
    case .run:
      break
    case .runAndShutDown:
      await group.triggerGracefulShutdown()
    }
    try await group.run()
  }

  /// Whether a signal has come: the process is on its way out (liveness then answers 503).
  public var isStopping: Bool {
    machine.withLockedValue { machine in
      if case .stopping = machine.state { return true }
      return false
    }
  }

  /// How long graceful shutdown may take before ServiceLifecycle cancels what still runs.
  public var gracefulPart: Duration { grace * 3 / 4 }

  /// Records that a service of the group runs, and that it returned, for the deadline's log line.
  func track<T>(_ name: String, _ body: () async throws -> T) async rethrows -> T {
    machine.withLockedValue { $0.serviceStarted(name) }
    defer { machine.withLockedValue { $0.serviceFinished(name) } }
    return try await body()
  }

  private func signalReceived(_ signalNumber: Int32) {
    let name = signalNumber == SIGTERM ? "SIGTERM" : "SIGINT"
    switch machine.withLockedValue({ $0.signalReceived() }) {
    case .cancelStart(let cancel):
      logger.notice(
        "Stopping while starting: the start is abandoned",
        metadata: ["signal": "\(name)", "grace": "\(grace)"])
      cancel()
      armDeadline()
    case .shutDown(let group):
      logger.notice("Shutting down gracefully", metadata: ["signal": "\(name)", "grace": "\(grace)"])
      Task { await group.triggerGracefulShutdown() }
      armDeadline()
    case .alreadyStopping:
      logger.notice(
        "Already shutting down; the process exits at the latest when the grace period ends",
        metadata: ["signal": "\(name)", "grace": "\(grace)"])
    }
  }

  private func armDeadline() {
    queue.asyncAfter(deadline: .now() + grace.inSeconds) { [self] in
      let unfinished = machine.withLockedValue { $0.unfinished }
      logger.error(
        Logger.Message(
          stringLiteral: "Did not stop within the grace period (VI_SHUTDOWN_GRACE_SECONDS); exiting now. What these "
            + "services had not finished is not committed, and Kafka delivers it again after the restart. If this "
            + "recurs, check PostgreSQL and Kafka, which they were probably waiting for."),
        metadata: ["grace": "\(grace)", "abandoned": "\(unfinished.isEmpty ? ["start"] : unfinished)"])
      fflush(nil)  // every C stream; the log handlers write standard error unbuffered
      _exit(Self.abandonedExitCode)
    }
  }
}
