import Foundation
import Logging
import NIOConcurrencyHelpers

/// Records every log line (message and metadata, as text) written through its handlers, to look for what must never
/// be logged.
final class LogRecorder: Sendable {
  private let lines = NIOLockedValueBox<[String]>([])

  /// Everything logged so far, one line per message.
  var text: String { lines.withLockedValue { $0.joined(separator: "\n") } }

  /// A handler that records into this recorder, at every level.
  func handler() -> Handler { Handler(recorder: self) }

  fileprivate func record(_ line: String) {
    lines.withLockedValue { $0.append(line) }
  }

  /// The `LogHandler` of a ``LogRecorder``.
  struct Handler: LogHandler {
    let recorder: LogRecorder
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
      get { metadata[key] }
      set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
      let all = metadata.merging(event.metadata ?? [:]) { _, new in new }
      recorder.record("\(event.level) \(event.message) \(all)")
    }
  }
}
