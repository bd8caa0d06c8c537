import CRdkafka
import Dispatch
public import Logging
import NIOConcurrencyHelpers
public import NIOCore
public import ServiceLifecycle

/// A Kafka consumer in a consumer group that hands out records in batches and commits only when told to.
///
/// Run it as a ServiceLifecycle `Service` and read ``batches`` in another. ``run()`` polls librdkafka on a
/// dedicated thread, pausing while the reader has enough batches buffered. Partitions start where a
/// ``KafkaRebalanceListener`` says, when one is given; a stored offset beyond the end of its partition starts it
/// from its first record, and the listener's owner tells new records from old ones. On graceful shutdown (or when
/// the reader stops reading) the consumer leaves the group cleanly, finishes ``batches``, and releases the librdkafka handle on its thread.
public final class KafkaConsumer: Service, Sendable {
  /// The sequence of record batches; iterate it from one task only.
  public typealias Batches = NIOAsyncSequenceProducer<
    [KafkaConsumerMessage], NIOAsyncSequenceProducerBackPressureStrategies.HighLowWatermark, ReaderDemand
  >

  /// Record batches, in partition order within each partition. Finishes when the consumer has closed.
  public let batches: Batches

  private let state: NIOLockedValueBox<StateMachine>
  private let source: Batches.Source
  private let wakeUp: DispatchSemaphore
  private let configuration: KafkaConsumerConfiguration
  private let logger: Logger

  /// Creates the consumer and its librdkafka handle; ``run()`` joins the group.
  ///
  /// - Parameter rebalanceListener: Supplies start offsets from an outside store and hears of revocations.
  public init(
    configuration: KafkaConsumerConfiguration, rebalanceListener: (any KafkaRebalanceListener)? = nil,
    logger: Logger
  ) throws {
    let state = NIOLockedValueBox(StateMachine())
    let wakeUp = DispatchSemaphore(value: 0)
    let rebalancer = KafkaRebalancer(listener: rebalanceListener, logger: logger) {
      state.withLockedValue { $0.isClosing }
    }
    let client = try RDKafkaClient(
      role: .consumer, properties: configuration.librdkafkaProperties,
      context: RDKafkaContext(logger: logger, rebalance: { rebalancer.rebalance(handle: $0, event: $1, list: $2) }))
    state.withLockedValue { $0.created(client) }
    let demand = ReaderDemand(state: state, wakeUp: wakeUp)
    let sequence = Batches.makeSequence(
      elementType: [KafkaConsumerMessage].self,
      backPressureStrategy: .init(lowWatermark: 1, highWatermark: 2), finishOnDeinit: true, delegate: demand)
    self.batches = sequence.sequence
    self.source = sequence.source
    self.state = state
    self.wakeUp = wakeUp
    self.configuration = configuration
    self.logger = logger
  }

  deinit {
    // When run() never started (start-up failed before it), the handle is still in `state`, and its rebalance
    // callback holds `state`: nothing else would ever release it. Its rd_kafka_destroy blocks, so it is released
    // on a thread of its own, not on this one, which may belong to Swift's cooperative pool.
    KafkaThread.release(name: "kafka-consumer-release") { [state] in state.withLockedValue { $0.abandon() } }
  }

  /// Commits these positions (each the offset of the next record to read) for the group, without blocking.
  ///
  /// The commit is sent in the background; a failure is logged, and the records after the last successful commit
  /// are read again after a restart (at-least-once). Throws when the consumer has already closed or librdkafka
  /// refused the request outright.
  public func commit(_ positions: [KafkaPartitionOffset]) throws {
    guard !positions.isEmpty else { return }
    try state.withLockedValue { machine in
      switch machine.commit() {
      case .fail(let error):
        throw error
      case .commit(let client):
        let list = rd_kafka_topic_partition_list_new(Int32(positions.count))!
        defer { rd_kafka_topic_partition_list_destroy(list) }
        for position in positions {
          rd_kafka_topic_partition_list_add(list, position.topic, position.partition).pointee.offset =
            position.offset ?? Int64(RD_KAFKA_OFFSET_INVALID)
        }
        let error = rd_kafka_commit(client.handle, list, 1)
        guard error == RD_KAFKA_RESP_ERR_NO_ERROR else {
          throw KafkaError(.consumer, error, "could not commit offsets \(positions)")
        }
      }
    }
  }

  /// Joins the group and polls until graceful shutdown, cancellation, or the reader of ``batches`` is gone.
  public func run() async throws {
    if case .fail(let error) = state.withLockedValue({ $0.run() }) {
      throw error
    }
    let subscribed = try subscribe()
    guard subscribed else { return }
    await withTaskCancellationHandler {
      await withGracefulShutdownHandler {
        await KafkaThread.run(name: "kafka-consumer-poll") { [self] in
          self.pollLoop()
        }
      } onGracefulShutdown: {
        self.shutdown()
      }
    } onCancel: {
      self.shutdown()
    }
  }

  private func subscribe() throws -> Bool {
    try state.withLockedValue { machine in
      guard let client = machine.client else { return false }
      let list = rd_kafka_topic_partition_list_new(Int32(configuration.topics.count))!
      defer { rd_kafka_topic_partition_list_destroy(list) }
      for topic in configuration.topics {
        rd_kafka_topic_partition_list_add(list, topic, RD_KAFKA_PARTITION_UA)
      }
      rd_kafka_poll_set_consumer(client.handle)
      let error = rd_kafka_subscribe(client.handle, list)
      guard error == RD_KAFKA_RESP_ERR_NO_ERROR else {
        throw KafkaError(.consumer, error, "could not subscribe to \(configuration.topics)")
      }
      return true
    }
  }

  private func shutdown() {
    state.withLockedValue { $0.shutdown() }
    wakeUp.signal()
  }

  /// The poll thread. It holds the last reference to the handle, so `rd_kafka_destroy` runs here.
  private func pollLoop() {
    guard let client = state.withLockedValue({ $0.client }) else { return }
    logger.info(
      "Kafka consumer joining its group",
      metadata: ["kafka.group": "\(configuration.groupID)", "kafka.topics": "\(configuration.topics)"])
    loop: while true {
      switch state.withLockedValue({ $0.nextStep }) {
      case .close:
        break loop
      case .waitForReader:
        _ = wakeUp.wait(timeout: .now() + .milliseconds(100))
      case .poll:
        let batch = pollBatch(client)
        guard !batch.isEmpty else { continue }
        switch source.yield(batch) {
        case .produceMore: break
        case .stopProducing: state.withLockedValue { $0.readerWantsMore(false) }
        case .dropped: state.withLockedValue { $0.shutdown() }
        }
      }
    }
    let error = rd_kafka_consumer_close(client.handle)
    if error != RD_KAFKA_RESP_ERR_NO_ERROR {
      logger.warning(
        "Kafka consumer did not leave its group cleanly; the group rebalances after session.timeout.ms",
        metadata: ["kafka.error": "\(String(cString: rd_kafka_err2name(error)))"])
    } else {
      logger.info("Kafka consumer left its group", metadata: ["kafka.group": "\(configuration.groupID)"])
    }
    source.finish()
    state.withLockedValue { $0.finish() }
  }

  /// Waits up to the poll timeout for a first record, then takes what else is ready, up to the batch size.
  private func pollBatch(_ client: RDKafkaClient) -> [KafkaConsumerMessage] {
    var batch: [KafkaConsumerMessage] = []
    var timeout = configuration.pollTimeoutMilliseconds
    while batch.count < configuration.maxBatchSize, let message = rd_kafka_consumer_poll(client.handle, timeout) {
      defer { rd_kafka_message_destroy(message) }
      timeout = 0
      if message.pointee.err == RD_KAFKA_RESP_ERR_NO_ERROR {
        batch.append(KafkaConsumerMessage(message))
      } else if message.pointee.err != RD_KAFKA_RESP_ERR__PARTITION_EOF {
        let text = rd_kafka_message_errstr(message).map { String(cString: $0) } ?? ""
        logger.warning(
          "Kafka consumer error; librdkafka retries by itself. Check the brokers and the topic's existence.",
          metadata: [
            "kafka.error": "\(String(cString: rd_kafka_err2name(message.pointee.err)))", "kafka.reason": "\(text)",
          ])
      }
    }
    return batch
  }
}
