/// A reply from an SMTP server (RFC 5321 §4.2): a three-digit code and one or more lines of text.
///
/// Multi-line replies (`250-first`, `250-second`, `250 last`) are collected into one ``SMTPReply`` whose
/// ``lines`` hold the text of every line without the code and the separator.
public struct SMTPReply: Sendable, Hashable, CustomStringConvertible {
  /// The three-digit reply code, for example `250` or `550`.
  public var code: Int

  /// The text of every line of the reply, without the code and the `-` or space that follows it.
  public var lines: [String]

  /// Creates a reply.
  ///
  /// - Parameters:
  ///   - code: The three-digit reply code.
  ///   - lines: The text of each line; a reply always has at least one line, which may be empty.
  public init(code: Int, lines: [String]) {
    self.code = code
    self.lines = lines.isEmpty ? [""] : lines
  }

  /// The text of all lines, joined by newlines.
  public var text: String {
    self.lines.joined(separator: "\n")
  }

  /// The reply as the server sent it, one line per code, joined by newlines (for logs and error messages).
  public var description: String {
    self.lines.enumerated().map { index, line in
      let separator = index == self.lines.count - 1 ? " " : "-"
      return line.isEmpty && separator == " " ? "\(self.code)" : "\(self.code)\(separator)\(line)"
    }.joined(separator: "\n")
  }
}

extension SMTPReply {
  /// `2yz`: the requested action was completed.
  var isPositiveCompletion: Bool { (200...299).contains(self.code) }

  /// `3yz`: the server accepted the command and waits for more (354 after DATA, 334 during AUTH).
  var isPositiveIntermediate: Bool { (300...399).contains(self.code) }

  /// `4yz`: the command failed, but the same request may succeed later.
  var isTransientNegative: Bool { (400...499).contains(self.code) }

  /// `5yz`: the command failed and repeating it unchanged will fail again.
  var isPermanentNegative: Bool { (500...599).contains(self.code) }
}
