/// A Kafka record header: a name and an optional byte value.
public struct KafkaHeader: Sendable, Hashable {
  /// The header's name.
  public var key: String
  /// The header's value; `nil` for a header without value.
  public var value: [UInt8]?

  /// Creates a header with a byte value.
  public init(key: String, value: [UInt8]?) {
    self.key = key
    self.value = value
  }

  /// Creates a header with a UTF-8 string value.
  public init(key: String, string: String) {
    self.init(key: key, value: Array(string.utf8))
  }

  /// The value decoded as UTF-8, when it is valid UTF-8.
  public var stringValue: String? {
    value.flatMap { String(validating: $0, as: UTF8.self) }
  }
}

extension Array where Element == KafkaHeader {
  /// The first header with the given name.
  public func first(named key: String) -> KafkaHeader? {
    first { $0.key == key }
  }
}
