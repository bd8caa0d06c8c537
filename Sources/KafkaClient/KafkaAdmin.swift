import CRdkafka
public import Logging

/// Kafka administration that the services and scripts need: creating topics.
public enum KafkaAdmin {
  /// Creates the topics that do not exist yet; existing topics are left as they are.
  ///
  /// Runs on NIO's blocking thread pool with a client of its own, which it releases there.
  public static func createTopicsIfMissing(
    _ topics: [KafkaTopic], client configuration: KafkaClientConfiguration, logger: Logger,
    timeout: Duration = .seconds(30)
  ) async throws {
    guard !topics.isEmpty else { return }
    let timeoutMilliseconds = Int32(timeout.components.seconds * 1000)
    let created = try await KafkaThread.call {
      let client = try RDKafkaClient(
        role: .producer, properties: configuration.librdkafkaProperties(defaults: [:]),
        context: RDKafkaContext(logger: logger))
      return try createTopics(topics, client: client, timeoutMilliseconds: timeoutMilliseconds)
    }
    for topic in topics {
      logger.info(
        created.contains(topic.name) ? "Kafka topic created" : "Kafka topic exists",
        metadata: ["kafka.topic": "\(topic.name)", "kafka.partitions": "\(topic.partitions)"])
    }
  }

  /// Sends one CreateTopics request and returns the names of the topics it created.
  private static func createTopics(
    _ topics: [KafkaTopic], client: RDKafkaClient, timeoutMilliseconds: Int32
  ) throws -> Set<String> {
    let queue = rd_kafka_queue_new(client.handle)
    defer { rd_kafka_queue_destroy(queue) }
    var errorText = [CChar](repeating: 0, count: 512)
    var newTopics: [OpaquePointer?] = []
    defer { newTopics.forEach { rd_kafka_NewTopic_destroy($0) } }
    for topic in topics {
      guard
        let newTopic = rd_kafka_NewTopic_new(
          topic.name, topic.partitions, topic.replicationFactor, &errorText, errorText.count)
      else {
        throw KafkaError(.admin, "topic '\(topic.name)' is not valid: \(String(cBuffer: errorText))")
      }
      newTopics.append(newTopic)
      for (key, value) in topic.config.sorted(by: { $0.key < $1.key }) {
        let error = rd_kafka_NewTopic_set_config(newTopic, key, value)
        guard error == RD_KAFKA_RESP_ERR_NO_ERROR else {
          throw KafkaError(.admin, error, "topic '\(topic.name)' config '\(key)'")
        }
      }
    }
    let options = rd_kafka_AdminOptions_new(client.handle, RD_KAFKA_ADMIN_OP_CREATETOPICS)
    defer { rd_kafka_AdminOptions_destroy(options) }
    _ = rd_kafka_AdminOptions_set_request_timeout(options, timeoutMilliseconds, &errorText, errorText.count)
    newTopics.withUnsafeMutableBufferPointer { buffer in
      rd_kafka_CreateTopics(client.handle, buffer.baseAddress, buffer.count, options, queue)
    }
    guard let event = rd_kafka_queue_poll(queue, timeoutMilliseconds + 1000) else {
      throw KafkaError(.admin, "no answer to CreateTopics; check that the brokers in VI_KAFKA_BROKERS are up")
    }
    defer { rd_kafka_event_destroy(event) }
    let eventError = rd_kafka_event_error(event)
    guard eventError == RD_KAFKA_RESP_ERR_NO_ERROR, let result = rd_kafka_event_CreateTopics_result(event) else {
      throw KafkaError(.admin, eventError, "CreateTopics failed")
    }
    var count = 0
    let results = rd_kafka_CreateTopics_result_topics(result, &count)
    var created = Set<String>()
    for index in 0..<count {
      let topicResult = results![index]
      let name = String(cString: rd_kafka_topic_result_name(topicResult))
      switch rd_kafka_topic_result_error(topicResult) {
      case RD_KAFKA_RESP_ERR_NO_ERROR:
        created.insert(name)
      case RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS:
        break
      case let error:
        let reason = rd_kafka_topic_result_error_string(topicResult).map { String(cString: $0) } ?? ""
        throw KafkaError(.admin, error, "could not create topic '\(name)' (\(reason))")
      }
    }
    return created
  }
}
