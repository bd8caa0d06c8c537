import CRdkafka
import Logging

/// What a librdkafka handle's C callbacks need: a logger and, for consumers, the rebalance handler.
///
/// librdkafka hands this object back to us as the handle's opaque pointer. Its stored properties are immutable
/// and `Sendable`, so it is safe to use from librdkafka's own threads.
final class RDKafkaContext: Sendable {
  let logger: Logger
  let rebalance:
    (@Sendable (OpaquePointer, rd_kafka_resp_err_t, UnsafeMutablePointer<rd_kafka_topic_partition_list_t>) -> Void)?

  init(
    logger: Logger,
    rebalance: (
      @Sendable (OpaquePointer, rd_kafka_resp_err_t, UnsafeMutablePointer<rd_kafka_topic_partition_list_t>) -> Void
    )? = nil
  ) {
    self.logger = logger
    self.rebalance = rebalance
  }

  static func from(_ opaque: UnsafeMutableRawPointer?) -> RDKafkaContext? {
    opaque.map { Unmanaged<RDKafkaContext>.fromOpaque($0).takeUnretainedValue() }
  }
}

/// librdkafka's log callback: forwards its lines to swift-log with the facility as metadata.
let rdkafkaLogCallback: @convention(c) (OpaquePointer?, Int32, UnsafePointer<CChar>?, UnsafePointer<CChar>?) -> Void = {
  handle, level, facility, buffer in
  guard let handle, let context = RDKafkaContext.from(rd_kafka_opaque(handle)) else { return }
  let swiftLevel: Logger.Level =
    switch level {
    case ...3: .error
    case 4: .warning
    case 5, 6: .info
    default: .debug
    }
  context.logger.log(
    level: swiftLevel, "\(buffer.map { String(cString: $0) } ?? "")",
    metadata: ["kafka.facility": "\(facility.map { String(cString: $0) } ?? "")"])
}

/// librdkafka's error callback: client-level errors (brokers down, authentication) go to the log.
let rdkafkaErrorCallback:
  @convention(c) (OpaquePointer?, Int32, UnsafePointer<CChar>?, UnsafeMutableRawPointer?) -> Void = {
    _, code, reason, opaque in
    guard let context = RDKafkaContext.from(opaque) else { return }
    let error = rd_kafka_resp_err_t(rawValue: code)
    context.logger.warning(
      "Kafka client error; librdkafka retries by itself. Check that the brokers in VI_KAFKA_BROKERS are reachable.",
      metadata: [
        "kafka.error": "\(String(cString: rd_kafka_err2name(error)))",
        "kafka.reason": "\(reason.map { String(cString: $0) } ?? "")",
      ])
  }

/// librdkafka's rebalance callback: hands over to the consumer's handler.
let rdkafkaRebalanceCallback:
  @convention(c) (
    OpaquePointer?, rd_kafka_resp_err_t, UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?,
    UnsafeMutableRawPointer?
  ) -> Void = { handle, error, partitions, opaque in
    guard let handle, let partitions, let context = RDKafkaContext.from(opaque), let rebalance = context.rebalance
    else { return }
    rebalance(handle, error, partitions)
  }
