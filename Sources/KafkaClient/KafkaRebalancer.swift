import CRdkafka
import Foundation
import Logging

/// Carries out group rebalances for a ``KafkaConsumer``, on its poll thread (librdkafka calls it from
/// `rd_kafka_consumer_poll`): asks the ``KafkaRebalanceListener`` where assigned partitions start, then assigns.
struct KafkaRebalancer: Sendable {
  let listener: (any KafkaRebalanceListener)?
  let logger: Logger
  let isClosing: @Sendable () -> Bool

  init(listener: (any KafkaRebalanceListener)?, logger: Logger, isClosing: @escaping @Sendable () -> Bool) {
    self.listener = listener
    self.logger = logger
    self.isClosing = isClosing
  }

  func rebalance(
    handle: OpaquePointer, event: rd_kafka_resp_err_t, list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>
  ) {
    let cooperative = String(cString: rd_kafka_rebalance_protocol(handle)) == "COOPERATIVE"
    let partitions = (0..<Int(list.pointee.cnt)).map { index in
      let element = list.pointee.elems[index]
      return KafkaTopicPartition(topic: String(cString: element.topic), partition: element.partition)
    }
    switch event {
    case RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS:
      guard var offsets = startOffsets(for: partitions) else { return }
      for (partition, offset) in offsets {
        let start = checkedStart(offset, of: partition, handle: handle)
        offsets[partition] = start
        rd_kafka_topic_partition_list_set_offset(list, partition.topic, partition.partition, start)
      }
      logger.info(
        "Kafka partitions assigned",
        metadata: [
          "kafka.partitions":
            "\(partitions.map { "\($0.topic)[\($0.partition)]@\(offsets[$0].map(String.init) ?? "committed")" })"
        ])
      if cooperative {
        check(errorCodeAndDestroy(rd_kafka_incremental_assign(handle, list)), "incremental assign")
      } else {
        check(rd_kafka_assign(handle, list), "assign")
      }
    case RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS:
      logger.info(
        "Kafka partitions revoked",
        metadata: ["kafka.partitions": "\(partitions.map { "\($0.topic)[\($0.partition)]" })"])
      if let listener {
        _ = KafkaThread.blockingWait(abandonWhen: isClosing) { await listener.partitionsRevoked(partitions) }
      }
      if cooperative {
        check(errorCodeAndDestroy(rd_kafka_incremental_unassign(handle, list)), "incremental unassign")
      } else {
        check(rd_kafka_assign(handle, nil), "unassign")
      }
    default:
      logger.warning(
        "Kafka rebalance failed; dropping the assignment until the next rebalance",
        metadata: ["kafka.error": "\(String(cString: rd_kafka_err2name(event)))"])
      check(rd_kafka_assign(handle, nil), "unassign")
    }
  }

  /// The listener's start offsets, retried with backoff while its store fails. `nil` when the consumer is closing
  /// meanwhile, also while a call hangs (as it does while PostgreSQL is down): then nothing is assigned, and the
  /// next member to get these partitions asks the store again.
  private func startOffsets(for partitions: [KafkaTopicPartition]) -> [KafkaTopicPartition: Int64]? {
    guard let listener else { return [:] }
    var delay = 0.1
    while true {
      switch KafkaThread.blockingWait(abandonWhen: isClosing, { try await listener.partitionsAssigned(partitions) }) {
      case .none:
        logger.warning("Consumer closing while waiting for the offset store; assigning nothing")
        return nil
      case .success(let offsets):
        return offsets
      case .failure(let error):
        logger.error(
          "Could not read start offsets from the offset store; retrying. Check the store (PostgreSQL).",
          metadata: ["error": "\(error)", "retry.seconds": "\(delay)"])
        if isClosing() { return nil }
        Thread.sleep(forTimeInterval: delay)
        delay = min(delay * 2, 5)
      }
    }
  }

  /// The stored offset, unless it lies beyond the end of the partition: then the topic was recreated or the broker
  /// lost data, and the partition is read from its first record. What is new there must be told from what the
  /// store has seen by the records themselves (the Matcher compares their timestamps with the newest it applied):
  /// a broker's end offset can lag well behind what it serves (seen with Tansu under load: stored 16,595, end
  /// 16,017, nothing lost), so the offsets alone never prove that data was lost.
  private func checkedStart(_ offset: Int64, of partition: KafkaTopicPartition, handle: OpaquePointer) -> Int64 {
    var low: Int64 = 0
    var high: Int64 = 0
    let error = rd_kafka_query_watermark_offsets(handle, partition.topic, partition.partition, &low, &high, 10_000)
    guard error == RD_KAFKA_RESP_ERR_NO_ERROR, offset > high else { return offset }
    logger.warning(
      Logger.Message(
        stringLiteral: "Stored offset beyond the end of the partition (topic recreated, broker data lost, or the "
          + "broker's end offset lagging); reading it from the start, and applying only what is new"),
      metadata: [
        "kafka.topic": "\(partition.topic)", "kafka.partition": "\(partition.partition)",
        "kafka.storedOffset": "\(offset)", "kafka.endOffset": "\(high)",
      ])
    return low
  }

  private func check(_ error: rd_kafka_resp_err_t, _ what: String) {
    if error != RD_KAFKA_RESP_ERR_NO_ERROR {
      logger.error("Kafka \(what) failed", metadata: ["kafka.error": "\(String(cString: rd_kafka_err2name(error)))"])
    }
  }
}

/// Returns the code of a librdkafka error object and frees it.
func errorCodeAndDestroy(_ error: OpaquePointer?) -> rd_kafka_resp_err_t {
  guard let error else { return RD_KAFKA_RESP_ERR_NO_ERROR }
  defer { rd_kafka_error_destroy(error) }
  return rd_kafka_error_code(error)
}
