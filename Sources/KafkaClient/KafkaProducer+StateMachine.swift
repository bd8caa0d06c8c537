extension KafkaProducer {
  /// The producer's lifecycle and the deliveries it waits for. Pure: the producer executes the actions it returns.
  ///
  /// `created` → `running` (``KafkaProducer/run()`` started the poll thread) → `draining` (graceful shutdown:
  /// no new records, the poll thread waits for those in flight) → `finished` (the handle is released).
  struct StateMachine {
    /// Called once with the record's delivery report or error.
    typealias Continuation = @Sendable (Result<KafkaDeliveryReport, KafkaError>) -> Void

    enum State {
      case created(RDKafkaClient)
      case running(RDKafkaClient)
      case draining(RDKafkaClient, deadline: ContinuousClock.Instant)
      case finished
    }

    private(set) var state: State
    private var pending: [UInt: Continuation] = [:]
    private var nextID: UInt = 1

    init(client: RDKafkaClient) {
      state = .created(client)
    }

    enum SendAction {
      /// Enqueue the record with this id as its opaque, before the lock around the state machine is released:
      /// that way the handle is never referenced outside the state machine and the poll thread.
      case produce(RDKafkaClient, id: UInt)
      /// Do not enqueue; throw this.
      case fail(KafkaError)
    }

    mutating func send(_ continuation: @escaping Continuation) -> SendAction {
      switch state {
      case .created(let client), .running(let client):
        let id = nextID
        nextID &+= 1
        pending[id] = continuation
        return .produce(client, id: id)
      case .draining, .finished:
        return .fail(.alreadyShutDown)
      }
    }

    /// A delivery report arrived for record `id`, or librdkafka refused to enqueue it.
    mutating func delivered(id: UInt) -> Continuation? {
      pending.removeValue(forKey: id)
    }

    /// The producer is going away and ``run()`` never started: hands over the handle, which nothing else
    /// references, so that the caller can release it on a thread of its own. `nil` once `run()` owns the handle.
    mutating func abandon() -> RDKafkaClient? {
      guard case .created(let client) = state else { return nil }
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
        state = .running(client)
        return .startPolling
      case .running, .draining:
        return .fail(KafkaError(.shutDown, "KafkaProducer.run() was called twice; run each producer once"))
      case .finished:
        return .fail(.alreadyShutDown)
      }
    }

    /// Graceful shutdown was requested: stop taking records, drain those in flight until `deadline`.
    mutating func shutdown(deadline: ContinuousClock.Instant) {
      switch state {
      case .created(let client), .running(let client):
        state = .draining(client, deadline: deadline)
      case .draining, .finished:
        break
      }
    }

    enum PollAction {
      case poll
      case stop
    }

    /// What the poll thread does next, given how many records librdkafka still holds.
    func nextPoll(outQueueLength: Int32, now: ContinuousClock.Instant) -> PollAction {
      switch state {
      case .created, .running:
        return .poll
      case .draining(_, let deadline):
        return outQueueLength == 0 || now >= deadline ? .stop : .poll
      case .finished:
        return .stop
      }
    }

    /// The handle, for the poll thread. `nil` once finished.
    var client: RDKafkaClient? {
      switch state {
      case .created(let client), .running(let client), .draining(let client, _): client
      case .finished: nil
      }
    }

    /// The poll thread stopped: release the handle (the poll thread now holds the last reference) and fail
    /// whatever was never reported.
    mutating func finish() -> [Continuation] {
      state = .finished
      defer { pending = [:] }
      return Array(pending.values)
    }
  }
}
