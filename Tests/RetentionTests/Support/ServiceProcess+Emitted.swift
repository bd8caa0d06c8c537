import Foundation
import TestSupport

extension ServiceProcess {
  /// The counts of Retention's "Emitted lifecycle events" log lines (JSON log format).
  var emittedCounts: [Int] {
    output.split(separator: "\n").compactMap { line in
      guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
        object["message"] as? String == "Emitted lifecycle events", let count = object["count"] as? String
      else { return nil }
      return Int(count)
    }
  }
}
