extension Array where Element == KafkaConsumerMessage {
  /// For each partition in the batch, the offset after its last record: what to commit once the batch is done.
  public var nextPositions: [KafkaPartitionOffset] {
    var next: [KafkaTopicPartition: Int64] = [:]
    for record in self {
      let partition = KafkaTopicPartition(topic: record.topic, partition: record.partition)
      next[partition] = Swift.max(next[partition] ?? 0, record.offset + 1)
    }
    return next.map { KafkaPartitionOffset(topic: $0.key.topic, partition: $0.key.partition, offset: $0.value) }
  }
}
