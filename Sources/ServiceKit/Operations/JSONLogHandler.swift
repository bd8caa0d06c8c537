import Foundation
public import Logging

/// Writes one JSON object per log event to standard error: time, level, service, message and metadata.
public struct JSONLogHandler: LogHandler {
  /// The service name written as `service`.
  public let label: String
  /// The minimum level written.
  public var logLevel: Logger.Level = .info
  /// Metadata added to every line of this logger.
  public var metadata: Logger.Metadata = [:]

  /// Creates a handler for `label`.
  public init(label: String) {
    self.label = label
  }

  /// Reads and writes one metadata value of this logger.
  public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  /// Writes one event.
  public func log(event: LogEvent) {
    var object: [String: Any] = [
      "time": ISO8601DateFormatter.logTimestamp.string(from: Date()),
      "level": event.level.rawValue,
      "service": label,
      "message": "\(event.message)",
    ]
    let merged = metadata.merging(event.metadata ?? [:]) { _, new in new }
    for (key, value) in merged {
      object[key] = Self.json(value)
    }
    guard
      var data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    else { return }
    data.append(0x0A)
    FileHandle.standardError.write(data)
  }

  private static func json(_ value: Logger.Metadata.Value) -> Any {
    switch value {
    case .string(let string): string
    case .stringConvertible(let convertible): convertible.description
    case .array(let array): array.map(json)
    case .dictionary(let dictionary): dictionary.mapValues(json)
    }
  }
}

extension ISO8601DateFormatter {
  /// RFC 3339 with milliseconds. `ISO8601DateFormatter` is thread-safe for formatting.
  nonisolated(unsafe) static let logTimestamp: ISO8601DateFormatter = {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return formatter
  }()
}
