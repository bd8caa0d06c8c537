internal import NIOCore

/// Turns the bytes a server sends into ``SMTPReply`` values, one complete (possibly multi-line) reply at a time.
///
/// A reply line is `code SP text CRLF` (last line) or `code "-" text CRLF` (continuation), RFC 5321 §4.2.1.
/// A bare LF is accepted as a line end. Lines longer than ``maximumLineLength`` and replies with more than
/// ``maximumLines`` lines are refused, so a broken server cannot make the client buffer without limit.
struct SMTPReplyParser {
  /// RFC 5321 allows 512 octets per reply line; this leaves room for servers that send more.
  static let maximumLineLength = 4096

  /// An upper bound for the number of lines in one reply (EHLO replies have a few dozen at most).
  static let maximumLines = 512

  private var buffer = ByteBuffer()
  private var pendingCode: Int?
  private var pendingLines: [String] = []

  init() {}

  /// Whether bytes were received that do not (yet) form a complete reply.
  var hasUnprocessedBytes: Bool {
    self.buffer.readableBytes > 0 || self.pendingCode != nil
  }

  /// Adds bytes received from the server.
  mutating func append(_ bytes: ByteBuffer) {
    var bytes = bytes
    self.buffer.writeBuffer(&bytes)
  }

  /// Returns the next complete reply, or `nil` when more bytes are needed.
  ///
  /// - Throws: ``SMTPError`` of kind ``SMTPError/Kind/protocolViolation`` for a malformed reply.
  mutating func nextReply() throws -> SMTPReply? {
    while let line = try self.nextLine() {
      let (code, isLast, text) = try Self.parse(line: line)
      if let pendingCode = self.pendingCode, pendingCode != code {
        throw Self.violation("reply lines with different codes (\(pendingCode) and \(code))")
      }
      self.pendingLines.append(text)
      if isLast {
        let reply = SMTPReply(code: code, lines: self.pendingLines)
        self.pendingCode = nil
        self.pendingLines = []
        return reply
      }
      guard self.pendingLines.count < Self.maximumLines else {
        throw Self.violation("a reply with more than \(Self.maximumLines) lines")
      }
      self.pendingCode = code
    }
    return nil
  }

  private mutating func nextLine() throws -> [UInt8]? {
    let view = self.buffer.readableBytesView
    guard let newline = view.firstIndex(of: UInt8(ascii: "\n")) else {
      guard view.count <= Self.maximumLineLength else {
        throw Self.violation("a reply line longer than \(Self.maximumLineLength) bytes")
      }
      return nil
    }
    var line = Array(view[view.startIndex..<newline])
    self.buffer.moveReaderIndex(forwardBy: newline - view.startIndex + 1)
    if self.buffer.readerIndex > 4096 {
      self.buffer.discardReadBytes()
    }
    if line.last == UInt8(ascii: "\r") {
      line.removeLast()
    }
    guard line.count <= Self.maximumLineLength else {
      throw Self.violation("a reply line longer than \(Self.maximumLineLength) bytes")
    }
    return line
  }

  private static func parse(line: [UInt8]) throws -> (code: Int, isLast: Bool, text: String) {
    guard line.count >= 3,
      let first = line.first, (UInt8(ascii: "2")...UInt8(ascii: "5")).contains(first),
      line[0..<3].allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
    else {
      throw Self.violation("a malformed reply line: \(String(decoding: line.prefix(80), as: UTF8.self))")
    }
    let code = line[0..<3].reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    guard line.count > 3 else {
      return (code, true, "")
    }
    let text = String(decoding: line[4...], as: UTF8.self)
    switch line[3] {
    case UInt8(ascii: " "):
      return (code, true, text)
    case UInt8(ascii: "-"):
      return (code, false, text)
    default:
      throw Self.violation("a malformed reply line: \(String(decoding: line.prefix(80), as: UTF8.self))")
    }
  }

  private static func violation(_ what: String) -> SMTPError {
    SMTPError(kind: .protocolViolation, detail: "The server sent \(what).")
  }
}
