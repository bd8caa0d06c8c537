/// Splitting text into lines at any of CRLF, CR or LF, so that only CRLF ever reaches the server
/// (RFC 5321 §2.3.8: a bare CR or LF must not be sent).
enum LineEndings {
  /// The lines of `bytes`, split at CRLF, CR or LF; the line breaks are not included.
  ///
  /// A line break at the very end does not start another (empty) line; empty input has no lines.
  static func lines(of bytes: [UInt8]) -> [ArraySlice<UInt8>] {
    var lines: [ArraySlice<UInt8>] = []
    var start = bytes.startIndex
    var index = bytes.startIndex
    while index < bytes.endIndex {
      switch bytes[index] {
      case UInt8(ascii: "\r"):
        lines.append(bytes[start..<index])
        if index + 1 < bytes.endIndex && bytes[index + 1] == UInt8(ascii: "\n") {
          index += 1
        }
        start = index + 1
      case UInt8(ascii: "\n"):
        lines.append(bytes[start..<index])
        start = index + 1
      default:
        break
      }
      index += 1
    }
    if start < bytes.endIndex {
      lines.append(bytes[start...])
    }
    return lines
  }

  /// `text` with every CRLF, CR and LF replaced by CRLF. A trailing line break stays a trailing CRLF.
  static func normalized(_ text: String) -> String {
    let bytes = Array(text.utf8)
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + bytes.count / 32)
    for line in self.lines(of: bytes) {
      output.append(contentsOf: line)
      output.append(contentsOf: [UInt8(ascii: "\r"), UInt8(ascii: "\n")])
    }
    if let last = bytes.last, last != UInt8(ascii: "\r") && last != UInt8(ascii: "\n"), !output.isEmpty {
      output.removeLast(2)
    }
    return String(decoding: output, as: UTF8.self)
  }
}
