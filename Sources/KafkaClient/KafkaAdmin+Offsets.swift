import CRdkafka
public import Logging

extension KafkaAdmin {
  /// The first and the next offset (low and high watermark) of every partition of `topic`, by partition.
  ///
  /// Runs on the blocking thread pool with a client of its own, which it releases there.
  public static func partitionOffsets(
    of topic: String, client configuration: KafkaClientConfiguration, logger: Logger,
    timeout: Duration = .seconds(10)
  ) async throws -> [Int32: KafkaPartitionRange] {
    let timeoutMilliseconds = Int32(timeout.components.seconds * 1000)
    return try await KafkaThread.call {
      let client = try RDKafkaClient(
        role: .producer, properties: configuration.librdkafkaProperties(defaults: [:]),
        context: RDKafkaContext(logger: logger))
      let handle = client.handle
      guard let topicHandle = rd_kafka_topic_new(handle, topic, nil) else {
        throw KafkaError(.admin, "topic '\(topic)' is not valid")
      }
      defer { rd_kafka_topic_destroy(topicHandle) }
      var metadata: UnsafePointer<rd_kafka_metadata>?
      let error = rd_kafka_metadata(handle, 0, topicHandle, &metadata, timeoutMilliseconds)
      guard error == RD_KAFKA_RESP_ERR_NO_ERROR, let metadata else {
        throw KafkaError(.admin, error, "no metadata for topic '\(topic)'")
      }
      defer { rd_kafka_metadata_destroy(metadata) }
      var ranges: [Int32: KafkaPartitionRange] = [:]
      for topicIndex in 0..<Int(metadata.pointee.topic_cnt) {
        let entry = metadata.pointee.topics[topicIndex]
        for partitionIndex in 0..<Int(entry.partition_cnt) {
          let partition = entry.partitions[partitionIndex].id
          var low: Int64 = 0
          var high: Int64 = 0
          let error = rd_kafka_query_watermark_offsets(handle, topic, partition, &low, &high, timeoutMilliseconds)
          guard error == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw KafkaError(.admin, error, "no offsets for partition \(partition) of '\(topic)'")
          }
          ranges[partition] = KafkaPartitionRange(low: low, high: high)
        }
      }
      return ranges
    }
  }
}
