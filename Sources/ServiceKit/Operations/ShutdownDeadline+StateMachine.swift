import ServiceLifecycle

extension ShutdownDeadline {
  /// Where the process is on its way from start to exit. Pure: ``ShutdownDeadline`` carries out the actions.
  ///
  /// `starting` (migrations, loading state, creating topics: the start task can be cancelled) → `running` (the
  /// service group runs and shuts down gracefully when told) → `stopping` (a signal came: the deadline is set;
  /// later signals change nothing). A signal while starting cancels the start task; a group that starts after the
  /// signal is shut down at once.
  struct StateMachine {
    enum State {
      case starting(cancelStart: @Sendable () -> Void)
      case running(ServiceGroup)
      case stopping
    }

    private(set) var state: State
    /// The services of the group that have not returned yet, by name, for the deadline's log line.
    private(set) var unfinished: [String] = []

    init(cancelStart: @escaping @Sendable () -> Void) {
      state = .starting(cancelStart: cancelStart)
    }

    enum SignalAction {
      /// The first signal while starting: cancel the start task and set the deadline.
      case cancelStart(@Sendable () -> Void)
      /// The first signal while running: shut the group down gracefully and set the deadline.
      case shutDown(ServiceGroup)
      /// A later signal: the deadline is set already.
      case alreadyStopping
    }

    mutating func signalReceived() -> SignalAction {
      switch state {
      case .starting(let cancelStart):
        state = .stopping
        return .cancelStart(cancelStart)
      case .running(let group):
        state = .stopping
        return .shutDown(group)
      case .stopping:
        return .alreadyStopping
      }
    }

    enum GroupAction {
      /// Run it; a signal now shuts it down gracefully.
      case run
      /// A signal came while starting: the group runs only to be shut down at once.
      case runAndShutDown
    }

    mutating func groupStarts(_ group: ServiceGroup) -> GroupAction {
      switch state {
      case .starting:
        state = .running(group)
        return .run
      case .running, .stopping:
        return .runAndShutDown
      }
    }

    mutating func serviceStarted(_ name: String) {
      unfinished.append(name)
    }

    mutating func serviceFinished(_ name: String) {
      if let index = unfinished.firstIndex(of: name) { unfinished.remove(at: index) }
    }
  }
}
