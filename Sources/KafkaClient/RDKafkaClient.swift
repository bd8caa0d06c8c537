import CRdkafka
import Foundation
import Logging

/// Owns one librdkafka handle (`rd_kafka_t`) and the context its callbacks use, and destroys both exactly once.
///
/// `@unchecked Sendable`: librdkafka documents every call on `rd_kafka_t` as thread-safe except
/// `rd_kafka_destroy`, and that one runs only in `deinit`, when no other reference (and so no other call) can exist.
/// The owners drop their last reference on a dedicated thread (see ``KafkaThread``), so `deinit` with its blocking
/// `rd_kafka_destroy` never runs on Swift's cooperative pool.
final class RDKafkaClient: @unchecked Sendable {
  /// The kind of handle.
  enum Role {
    case producer
    case consumer
  }

  let handle: OpaquePointer
  private let context: Unmanaged<RDKafkaContext>
  let logger: Logger

  /// Creates a handle from `properties`. Throws a ``KafkaError`` naming the property librdkafka rejected.
  init(role: Role, properties: [String: String], context: RDKafkaContext, events: Int32 = 0) throws {
    let conf = rd_kafka_conf_new()!
    var confOwned = true
    defer { if confOwned { rd_kafka_conf_destroy(conf) } }
    var errorText = [CChar](repeating: 0, count: 512)
    for (key, value) in properties.sorted(by: { $0.key < $1.key }) {
      let result = rd_kafka_conf_set(conf, key, value, &errorText, errorText.count)
      guard result == RD_KAFKA_CONF_OK else {
        throw KafkaError(
          .configuration, "Kafka property '\(key)' was rejected: \(String(cBuffer: errorText)). Fix or remove it.")
      }
    }
    let retained = Unmanaged.passRetained(context)
    rd_kafka_conf_set_opaque(conf, retained.toOpaque())
    rd_kafka_conf_set_log_cb(conf, rdkafkaLogCallback)
    rd_kafka_conf_set_error_cb(conf, rdkafkaErrorCallback)
    if context.rebalance != nil {
      rd_kafka_conf_set_rebalance_cb(conf, rdkafkaRebalanceCallback)
    }
    if events != 0 {
      rd_kafka_conf_set_events(conf, events)
    }
    let type = role == .producer ? RD_KAFKA_PRODUCER : RD_KAFKA_CONSUMER
    guard let handle = rd_kafka_new(type, conf, &errorText, errorText.count) else {
      retained.release()
      throw KafkaError(.clientCreation, "librdkafka could not create a client: \(String(cBuffer: errorText))")
    }
    confOwned = false  // rd_kafka_new took ownership of conf
    self.handle = handle
    self.context = retained
    self.logger = context.logger
  }

  deinit {
    rd_kafka_destroy(handle)
    context.release()
    logger.debug(
      "Released the librdkafka handle", metadata: ["kafka.thread": "\(KafkaThread.currentName ?? "not a Kafka thread")"]
    )
  }

  /// The number of records (and other requests) librdkafka still has in flight.
  var outQueueLength: Int32 { rd_kafka_outq_len(handle) }
}

extension String {
  /// Reads a NUL-terminated C string out of a buffer that librdkafka filled.
  init(cBuffer buffer: [CChar]) {
    self = buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
  }
}
