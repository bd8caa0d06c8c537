/// Formatting of header fields (RFC 5322 §2.2): `Name: value`, folded at spaces so lines stay short.
enum HeaderField {
  /// Lines of headers that contain encoded words must be at most 76 characters (RFC 2047 §2); the same limit
  /// is used for every header.
  static let maximumLineLength = 76

  /// `name: value` as one header field, folded before spaces where a line would be longer than
  /// ``maximumLineLength``, without a final CRLF. A single word longer than a line is left whole.
  static func folded(name: String, value: String) -> String {
    var lines: [String] = []
    var current = "\(name):"
    var currentHasContent = false
    for word in value.split(separator: " ", omittingEmptySubsequences: false) {
      if currentHasContent && current.count + 1 + word.count > self.maximumLineLength {
        lines.append(current)
        current = ""
        currentHasContent = false
      }
      current += " " + word
      currentHasContent = currentHasContent || !word.isEmpty
    }
    lines.append(current)
    return lines.joined(separator: "\r\n")
  }

  /// Words longer than this are encoded, so that no header line comes near the limit of 998 characters
  /// (RFC 5322 §2.1.1).
  static let maximumUnencodedWordLength = 900

  /// The `Subject` header: as it is (folded) when it is plain ASCII, otherwise as encoded words (RFC 2047), one
  /// per line.
  static func subject(_ subject: String) -> String {
    let name = "Subject"
    let hasOverlongWord = subject.split(separator: " ").contains { $0.utf8.count > self.maximumUnencodedWordLength }
    guard EncodedWord.isNeeded(for: subject) || hasOverlongWord else {
      return self.folded(name: name, value: subject)
    }
    let words = EncodedWord.encode(subject, firstWordMaximumLength: self.maximumLineLength - name.count - 2)
    return "\(name): " + words.joined(separator: "\r\n ")
  }
}
