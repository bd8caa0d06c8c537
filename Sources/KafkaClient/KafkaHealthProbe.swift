import CRdkafka
public import Logging
import NIOConcurrencyHelpers

/// Asks the Kafka brokers for metadata, for a readiness check, over one librdkafka handle kept for the process.
///
/// A librdkafka handle is not cheap: `rd_kafka_new` starts a main and an internal thread and one thread per
/// bootstrap broker, and opens a TCP connection (plus an ApiVersion handshake, and TLS or SASL when configured) to
/// the broker it first asks; `rd_kafka_destroy` joins those threads again. Doing that for every `GET /health` would
/// cost far more than the check. So the handle is made on the first ``problem()`` and kept until the probe is
/// released; each check is then one Metadata request on the open connection.
///
/// The request blocks, so it runs on NIO's blocking thread pool, never on Swift's cooperative pool, and librdkafka
/// bounds it by `timeout`. Callers that ask while a request is in flight share its answer, and an answer is kept
/// for `cacheFor`, so that however often the endpoint is asked, at most one request is out at a time.
public final class KafkaHealthProbe: Sendable {
  private let configuration: KafkaClientConfiguration
  private let logger: Logger
  private let timeout: Duration
  private let cacheFor: Duration
  private let state = NIOLockedValueBox(KafkaHealthProbeState())

  /// A probe of the brokers in `configuration`. `timeout` bounds each Metadata request; an answer is reused for
  /// `cacheFor`.
  public init(
    client configuration: KafkaClientConfiguration, logger: Logger, timeout: Duration = .milliseconds(1500),
    cacheFor: Duration = .seconds(1)
  ) {
    self.configuration = configuration
    self.logger = logger
    self.timeout = timeout
    self.cacheFor = cacheFor
  }

  deinit {
    // rd_kafka_destroy blocks; this thread may belong to the cooperative pool.
    KafkaThread.release(name: "kafka-health-release") { [state] in state.withLockedValue { $0.takeClient() } }
  }

  /// `nil` when a broker answered a Metadata request (now or within the last `cacheFor`), else what is wrong.
  public func problem() async -> String? {
    let now = ContinuousClock.now
    let task: Task<String?, Never> = state.withLockedValue { state in
      if let answer = state.answer(at: now, cacheFor: cacheFor) {
        return Task { answer.problem }
      }
      if let inFlight = state.inFlight {
        return inFlight
      }
      let request = Task { [self] in
        let problem = await self.request()
        self.state.withLockedValue { $0.finished(problem: problem, at: .now) }
        return problem
      }
      state.inFlight = request
      return request
    }
    return await task.value
  }

  /// One Metadata request on the blocking thread pool.
  private func request() async -> String? {
    let timeoutMilliseconds = Int32(clamping: Int(timeout / .milliseconds(1)))
    do {
      return try await KafkaThread.call { [self] in
        let client = try self.client()
        var metadata: UnsafePointer<rd_kafka_metadata>?
        let error = rd_kafka_metadata(client.handle, 0, nil, &metadata, timeoutMilliseconds)
        guard error == RD_KAFKA_RESP_ERR_NO_ERROR, let metadata else {
          let name = String(cString: rd_kafka_err2name(error))
          let text = String(cString: rd_kafka_err2str(error))
          return
            "no broker of \(self.configuration.bootstrapServers) answered a metadata request within \(self.timeout): "
            + "\(name) (\(text)); check that the brokers in VI_KAFKA_BROKERS are up and reachable"
        }
        defer { rd_kafka_metadata_destroy(metadata) }
        guard metadata.pointee.broker_cnt > 0 else {
          return "the brokers of \(self.configuration.bootstrapServers) named no broker in their metadata"
        }
        return nil
      }
    } catch {
      return "\(error)"
    }
  }

  /// The handle, made on first use. Runs on the blocking thread pool.
  private func client() throws -> RDKafkaClient {
    try state.withLockedValue { state in
      if let client = state.client { return client }
      let client = try RDKafkaClient(
        role: .producer, properties: configuration.librdkafkaProperties(defaults: [:]),
        context: RDKafkaContext(logger: logger))
      state.client = client
      return client
    }
  }
}
