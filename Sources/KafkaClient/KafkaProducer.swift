import CRdkafka
public import Logging
import NIOConcurrencyHelpers
public import ServiceLifecycle

/// An idempotent Kafka producer whose ``send(_:)`` returns when the broker has acknowledged the record.
///
/// Run it as a ServiceLifecycle `Service`: ``run()`` serves delivery reports on a dedicated thread. On graceful
/// shutdown it stops taking records, waits (up to `shutdownFlushTimeout`) for those in flight, then releases the
/// librdkafka handle on that thread.
public final class KafkaProducer: Service, Sendable {
  private let state: NIOLockedValueBox<StateMachine>
  private let configuration: KafkaProducerConfiguration
  private let logger: Logger

  /// Creates the producer and its librdkafka handle. Throws a ``KafkaError`` for a rejected property.
  public init(configuration: KafkaProducerConfiguration, logger: Logger) throws {
    let client = try RDKafkaClient(
      role: .producer, properties: configuration.librdkafkaProperties, context: RDKafkaContext(logger: logger),
      events: Int32(RD_KAFKA_EVENT_DR | RD_KAFKA_EVENT_ERROR))
    self.state = NIOLockedValueBox(StateMachine(client: client))
    self.configuration = configuration
    self.logger = logger
  }

  deinit {
    // When run() never started (start-up failed before it), the handle is still in `state`. Its rd_kafka_destroy
    // blocks, so it is released on a thread of its own, not on this one, which may belong to Swift's cooperative
    // pool. Once run() has started, its poll thread releases the handle.
    KafkaThread.release(name: "kafka-producer-release") { [state] in state.withLockedValue { $0.abandon() } }
  }

  /// Produces `message` and waits for the broker's acknowledgement (with `acks=all`).
  ///
  /// Retries by itself while librdkafka's local queue is full. Throws a ``KafkaError`` when delivery failed
  /// (after `message.timeout.ms`) or the producer is shutting down.
  @discardableResult
  public func send(_ message: KafkaProducerMessage) async throws -> KafkaDeliveryReport {
    try await send([message])[0]
  }

  /// Produces `messages` in this order (so records with one key keep their order) and waits until the broker has
  /// acknowledged all of them. Throws the first failure when any record was not delivered.
  @discardableResult
  public func send(_ messages: [KafkaProducerMessage]) async throws -> [KafkaDeliveryReport] {
    let deliveries = KafkaDeliveryGroup(count: messages.count)
    for (index, message) in messages.enumerated() {
      var backoff = Duration.milliseconds(1)
      while !enqueue(message, onDelivery: { deliveries.complete(index, $0) }) {
        try await Task.sleep(for: backoff)
        backoff = min(backoff * 2, .milliseconds(100))
      }
    }
    return try await deliveries.wait()
  }

  /// Enqueues one record; `false` when librdkafka's queue is full and the caller should wait and try again.
  /// Any other outcome reaches `onDelivery`.
  private func enqueue(
    _ message: KafkaProducerMessage, onDelivery: @escaping StateMachine.Continuation
  ) -> Bool {
    let (accepted, failure) = state.withLockedValue { machine -> (Bool, (StateMachine.Continuation, KafkaError)?) in
      switch machine.send(onDelivery) {
      case .fail(let error):
        return (true, (onDelivery, error))
      case .produce(let client, let id):
        let result = Self.produce(message, client: client, id: id)
        guard result != RD_KAFKA_RESP_ERR_NO_ERROR, let refused = machine.delivered(id: id) else { return (true, nil) }
        if result == RD_KAFKA_RESP_ERR__QUEUE_FULL { return (false, nil) }
        return (true, (refused, KafkaError(.delivery, result, "could not enqueue a record for '\(message.topic)'")))
      }
    }
    if let (callback, error) = failure {
      callback(.failure(error))
    }
    return accepted
  }

  /// Enqueues one record (non-blocking: without `RD_KAFKA_MSG_F_BLOCK`, a full queue returns an error at once).
  private static func produce(_ message: KafkaProducerMessage, client: RDKafkaClient, id: UInt) -> rd_kafka_resp_err_t {
    let headers = rd_kafka_headers_new(message.headers.count)!
    for header in message.headers {
      if let value = header.value {
        _ = value.withUnsafeBytes { rd_kafka_header_add(headers, header.key, -1, $0.baseAddress, $0.count) }
      } else {
        _ = rd_kafka_header_add(headers, header.key, -1, nil, 0)
      }
    }
    let error = message.topic.withCString { topic in
      message.value.withUnsafeBytes { value in
        (message.key ?? []).withUnsafeBytes { key in
          var values = [rd_kafka_vu_t](repeating: rd_kafka_vu_t(), count: 7)
          values[0].vtype = RD_KAFKA_VTYPE_TOPIC
          values[0].u.cstr = topic
          values[1].vtype = RD_KAFKA_VTYPE_VALUE
          values[1].u.mem = .init(ptr: UnsafeMutableRawPointer(mutating: value.baseAddress), size: value.count)
          values[2].vtype = RD_KAFKA_VTYPE_MSGFLAGS
          values[2].u.i = RD_KAFKA_MSG_F_COPY
          values[3].vtype = RD_KAFKA_VTYPE_OPAQUE
          values[3].u.ptr = UnsafeMutableRawPointer(bitPattern: id)
          values[4].vtype = RD_KAFKA_VTYPE_HEADERS
          values[4].u.headers = headers
          var count = 5
          if message.key != nil {
            values[count].vtype = RD_KAFKA_VTYPE_KEY
            values[count].u.mem = .init(ptr: UnsafeMutableRawPointer(mutating: key.baseAddress), size: key.count)
            count += 1
          }
          if let partition = message.partition {
            values[count].vtype = RD_KAFKA_VTYPE_PARTITION
            values[count].u.i32 = partition
            count += 1
          }
          let result = rd_kafka_produceva(client.handle, values, count)
          let code = rd_kafka_error_code(result)
          rd_kafka_error_destroy(result)
          return code
        }
      }
    }
    if error != RD_KAFKA_RESP_ERR_NO_ERROR {
      rd_kafka_headers_destroy(headers)  // ownership passes to librdkafka only on success
    }
    return error
  }

  /// Serves delivery reports until graceful shutdown or cancellation, then drains and releases the handle.
  public func run() async throws {
    if case .fail(let error) = state.withLockedValue({ $0.run() }) {
      throw error
    }
    let flushTimeout = configuration.shutdownFlushTimeout
    await withTaskCancellationHandler {
      await withGracefulShutdownHandler {
        await KafkaThread.run(name: "kafka-producer-poll") { [state, logger] in
          Self.pollLoop(state: state, logger: logger)
        }
      } onGracefulShutdown: {
        self.shutdown(flushTimeout: flushTimeout)
      }
    } onCancel: {
      self.shutdown(flushTimeout: .zero)
    }
  }

  private func shutdown(flushTimeout: Duration) {
    let deadline = ContinuousClock.now + flushTimeout
    state.withLockedValue { $0.shutdown(deadline: deadline) }
  }

  /// The poll thread: serves delivery reports until the state machine says stop, then fails what was never
  /// reported. It holds the last reference to the handle, so `rd_kafka_destroy` runs here.
  private static func pollLoop(state: NIOLockedValueBox<StateMachine>, logger: Logger) {
    guard let client = state.withLockedValue({ $0.client }) else { return }
    let queue = rd_kafka_queue_get_main(client.handle)
    while state.withLockedValue({ $0.nextPoll(outQueueLength: client.outQueueLength, now: .now) }) == .poll {
      guard let event = rd_kafka_queue_poll(queue, 100) else { continue }
      handle(event: event, state: state, logger: logger)
      rd_kafka_event_destroy(event)
    }
    let left = client.outQueueLength
    if left > 0 {
      logger.warning(
        "Kafka producer shut down with records not acknowledged; their senders get an error",
        metadata: ["kafka.unacknowledged": "\(left)"])
    }
    rd_kafka_queue_destroy(queue)
    for continuation in state.withLockedValue({ $0.finish() }) {
      continuation(.failure(KafkaError(.delivery, "the producer shut down before the broker acknowledged")))
    }
  }

  private static func handle(event: OpaquePointer, state: NIOLockedValueBox<StateMachine>, logger: Logger) {
    switch rd_kafka_event_type(event) {
    case RD_KAFKA_EVENT_DR:
      while let message = rd_kafka_event_message_next(event) {
        let id = UInt(bitPattern: message.pointee._private)
        guard let continuation = state.withLockedValue({ $0.delivered(id: id) }) else { continue }
        let topic = String(cString: rd_kafka_topic_name(message.pointee.rkt))
        if message.pointee.err == RD_KAFKA_RESP_ERR_NO_ERROR {
          continuation(
            .success(
              KafkaDeliveryReport(topic: topic, partition: message.pointee.partition, offset: message.pointee.offset)))
        } else {
          continuation(.failure(KafkaError(.delivery, message.pointee.err, "delivery to '\(topic)' failed")))
        }
      }
    case RD_KAFKA_EVENT_ERROR:
      let error = rd_kafka_event_error(event)
      logger.log(
        level: rd_kafka_event_error_is_fatal(event) != 0 ? .critical : .warning,
        "Kafka producer error; librdkafka retries unless it is fatal. Check VI_KAFKA_BROKERS and broker health.",
        metadata: [
          "kafka.error": "\(String(cString: rd_kafka_err2name(error)))",
          "kafka.reason": "\(String(cString: rd_kafka_event_error_string(event)))",
        ])
    default:
      break
    }
  }
}
