extension KafkaConsumer {
  /// The consumer's lifecycle and its reader's demand. Pure: the consumer executes the actions it returns.
  ///
  /// `created` → `running` (poll thread started; pauses while the reader has enough batches buffered) →
  /// `closing` (graceful shutdown, cancellation, or the reader stopped reading: leave the group) → `finished`.
  struct StateMachine {
    enum State {
      /// The handle is being made; its rebalance callback already refers to this state machine.
      case initializing
      case created(RDKafkaClient)
      case running(RDKafkaClient, readerWantsMore: Bool)
      case closing(RDKafkaClient)
      case finished
    }

    private(set) var state: State = .initializing
    /// Whether ``run()`` started the poll thread, which then owns the handle until it is finished. Before that,
    /// a shutdown (the reader went away) moves to `closing` with no thread to close the handle.
    private var started = false

    mutating func created(_ client: RDKafkaClient) {
      state = .created(client)
    }

    /// The consumer is going away and ``run()`` never started: hands over the handle, which nothing else
    /// references, so that the caller can release it on a thread of its own. `nil` once `run()` owns the handle.
    mutating func abandon() -> RDKafkaClient? {
      guard !started, let client else { return nil }
      state = .finished
      return client
    }

    enum RunAction {
      case startPolling
      case fail(KafkaError)
    }

    mutating func run() -> RunAction {
      switch state {
      case .created(let client):
        state = .running(client, readerWantsMore: true)
        started = true
        return .startPolling
      case .initializing, .running, .closing:
        return .fail(KafkaError(.shutDown, "KafkaConsumer.run() was called twice; run each consumer once"))
      case .finished:
        return .fail(.alreadyShutDown)
      }
    }

    /// The handle, for the poll thread and for commits. `nil` once finished.
    var client: RDKafkaClient? {
      switch state {
      case .created(let client), .running(let client, _), .closing(let client): client
      case .initializing, .finished: nil
      }
    }

    /// What the poll thread does next.
    enum PollStep {
      /// Fetch the next batch.
      case poll
      /// The reader has enough batches; wait until it asks for more.
      case waitForReader
      /// Leave the group and release the handle.
      case close
    }

    var nextStep: PollStep {
      switch state {
      case .created, .running(_, readerWantsMore: true): .poll
      case .running(_, readerWantsMore: false): .waitForReader
      case .initializing, .closing, .finished: .close
      }
    }

    /// Whether a rebalance should give up retrying its offset store: the consumer is on its way out.
    var isClosing: Bool {
      switch state {
      case .initializing, .created, .running: false
      case .closing, .finished: true
      }
    }

    mutating func readerWantsMore(_ wantsMore: Bool) {
      if case .running(let client, _) = state {
        state = .running(client, readerWantsMore: wantsMore)
      }
    }

    /// Graceful shutdown, cancellation, or the reader is gone.
    mutating func shutdown() {
      switch state {
      case .created(let client), .running(let client, _):
        state = .closing(client)
      case .initializing, .closing, .finished:
        break
      }
    }

    /// The poll thread closed the consumer; it holds the last reference to the handle.
    mutating func finish() {
      state = .finished
    }

    enum CommitAction {
      case commit(RDKafkaClient)
      case fail(KafkaError)
    }

    /// Commits are accepted until the group has been left.
    func commit() -> CommitAction {
      switch state {
      case .created(let client), .running(let client, _), .closing(let client): .commit(client)
      case .initializing, .finished: .fail(.alreadyShutDown)
      }
    }
  }
}
