import Foundation

/// Output: results on standard output, warnings and progress on standard error, so that results can be piped.
enum Console {
  /// Writes a warning line to standard error.
  static func warn(_ message: String) {
    note("warning: \(message)")
  }

  /// Writes a line to standard error.
  static func note(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
  }
}
