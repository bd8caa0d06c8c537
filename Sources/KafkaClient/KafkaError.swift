import CRdkafka

/// An error from the Kafka client layer: what went wrong, and what an operator or caller can do about it.
public struct KafkaError: Error, CustomStringConvertible, Sendable {
  /// The broad kind of failure.
  public enum Kind: Sendable, Equatable {
    /// A configuration property was rejected by librdkafka; fix the named property.
    case configuration
    /// librdkafka could not create its client handle.
    case clientCreation
    /// A message could not be enqueued or was not delivered within `message.timeout.ms`.
    case delivery
    /// Subscribing, assigning or committing failed.
    case consumer
    /// An admin request (such as creating topics) failed.
    case admin
    /// The client was already shut down; the call was not made.
    case shutDown
  }

  /// The broad kind of failure.
  public let kind: Kind
  /// The librdkafka error code, when there is one.
  public let code: Int32?
  /// What went wrong and what to do, in words.
  public let message: String

  /// Creates an error.
  public init(_ kind: Kind, code: Int32? = nil, _ message: String) {
    self.kind = kind
    self.code = code
    self.message = message
  }

  /// Creates an error from a librdkafka response code, adding its name and librdkafka's text.
  init(_ kind: Kind, _ error: rd_kafka_resp_err_t, _ context: String) {
    let name = String(cString: rd_kafka_err2name(error))
    let text = String(cString: rd_kafka_err2str(error))
    self.init(kind, code: error.rawValue, "\(context): \(name) (\(text))")
  }

  /// The kind and message.
  public var description: String { "KafkaError.\(kind): \(message)" }

  /// The error thrown by calls made after shutdown.
  static let alreadyShutDown = KafkaError(.shutDown, "the Kafka client has shut down; the call was not made")
}
