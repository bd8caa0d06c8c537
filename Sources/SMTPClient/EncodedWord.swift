#if canImport(FoundationEssentials)
internal import FoundationEssentials
#else
internal import Foundation
#endif

/// "Encoded words" for non-ASCII text in headers (RFC 2047), in the `B` (base64) encoding of UTF-8:
/// `=?UTF-8?B?...?=`.
///
/// Each encoded word is at most 75 characters and holds whole Unicode scalars, so no UTF-8 sequence is split
/// between two words (RFC 2047 §5).
enum EncodedWord {
  /// The longest encoded word (RFC 2047 §2).
  static let maximumLength = 75

  private static let prefix = "=?UTF-8?B?"
  private static let suffix = "?="

  /// Whether `text` has to be encoded to be sent in a header: it contains non-ASCII or control characters
  /// (other than tab), or a `=?` that a mail reader could take for the start of an encoded word.
  static func isNeeded(for text: String) -> Bool {
    text.unicodeScalars.contains { !$0.isASCII || ($0.value < 32 && $0 != "\t") || $0.value == 127 }
      || text.contains("=?")
  }

  /// Encodes `text` as encoded words, to be joined by a folding white space (`CRLF SP`) or a space.
  ///
  /// - Parameters:
  ///   - text: The text to encode.
  ///   - firstWordMaximumLength: The longest the first word may be, so that it fits on the header's first line
  ///     after the header name.
  static func encode(_ text: String, firstWordMaximumLength: Int = maximumLength) -> [String] {
    var words: [String] = []
    var chunk: [UInt8] = []
    var capacity = self.byteCapacity(forWordLength: firstWordMaximumLength)
    for scalar in text.unicodeScalars {
      let bytes = Array(String(scalar).utf8)
      if !chunk.isEmpty && chunk.count + bytes.count > capacity {
        words.append(self.word(for: chunk))
        chunk = []
        capacity = self.byteCapacity(forWordLength: self.maximumLength)
      }
      chunk.append(contentsOf: bytes)
    }
    if !chunk.isEmpty || words.isEmpty {
      words.append(self.word(for: chunk))
    }
    return words
  }

  /// How many bytes fit in an encoded word of at most `length` characters: base64 makes 4 characters of every
  /// 3 bytes, and the word needs 12 characters for `=?UTF-8?B?` and `?=`.
  private static func byteCapacity(forWordLength length: Int) -> Int {
    let base64Length = length - self.prefix.count - self.suffix.count
    return max(base64Length / 4 * 3, 4)
  }

  private static func word(for bytes: [UInt8]) -> String {
    self.prefix + Data(bytes).base64EncodedString() + self.suffix
  }
}
