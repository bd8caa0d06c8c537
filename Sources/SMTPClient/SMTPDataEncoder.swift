internal import NIOCore

/// Turns a rendered message into the bytes sent after `354`: CRLF line endings, dot-stuffing
/// (RFC 5321 §4.5.2) and the terminating `CRLF.CRLF`.
enum SMTPDataEncoder {
  /// `text` with a second `.` in front of every line that starts with `.`, so no line of the content can be
  /// taken for the end-of-data marker. Line endings become CRLF.
  static func dotStuffed(_ text: String) -> String {
    var output: [UInt8] = []
    self.appendDotStuffedLines(of: Array(text.utf8), to: &output)
    if let last = text.utf8.last, last != UInt8(ascii: "\r") && last != UInt8(ascii: "\n"), !output.isEmpty {
      output.removeLast(2)
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// The complete DATA content for `message`: every line dot-stuffed and ended with CRLF, then `.` CRLF.
  static func encode(_ message: String) -> ByteBuffer {
    var output: [UInt8] = []
    output.reserveCapacity(message.utf8.count + 64)
    self.appendDotStuffedLines(of: Array(message.utf8), to: &output)
    output.append(contentsOf: Array(".\r\n".utf8))
    return ByteBuffer(bytes: output)
  }

  private static func appendDotStuffedLines(of bytes: [UInt8], to output: inout [UInt8]) {
    for line in LineEndings.lines(of: bytes) {
      if line.first == UInt8(ascii: ".") {
        output.append(UInt8(ascii: "."))
      }
      output.append(contentsOf: line)
      output.append(contentsOf: [UInt8(ascii: "\r"), UInt8(ascii: "\n")])
    }
  }
}
