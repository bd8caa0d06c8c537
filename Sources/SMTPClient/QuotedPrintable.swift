/// Quoted-printable content transfer encoding (RFC 2045 §6.7).
///
/// Bytes 33–126 except `=` stay as they are; every other byte becomes `=XX` (upper-case hex). Spaces and tabs
/// stay, except at the end of a line, where they are encoded so no transport can strip them. Encoded lines are at
/// most 76 characters: longer lines get soft line breaks (`=` at the end of the line), never inside an `=XX`.
/// Line breaks of the text (CRLF, CR or LF) become CRLF hard line breaks.
enum QuotedPrintable {
  /// The longest encoded line, without its CRLF.
  static let maximumLineLength = 76

  /// Encodes `text` (as UTF-8).
  static func encode(_ text: String) -> String {
    let bytes = Array(text.utf8)
    var encodedLines = LineEndings.lines(of: bytes).map(self.encode(line:))
    if let last = bytes.last, last == UInt8(ascii: "\r") || last == UInt8(ascii: "\n") {
      encodedLines.append("")
    }
    return encodedLines.joined(separator: "\r\n")
  }

  private static func encode(line: ArraySlice<UInt8>) -> String {
    var output: [UInt8] = []
    output.reserveCapacity(line.count + line.count / 8)
    var lineLength = 0
    for index in line.indices {
      let byte = line[index]
      let isLastByte = index == line.index(before: line.endIndex)
      let token: [UInt8]
      switch byte {
      case UInt8(ascii: " "), UInt8(ascii: "\t"):
        token = isLastByte ? self.escaped(byte) : [byte]
      case 33...126 where byte != UInt8(ascii: "="):
        token = [byte]
      default:
        token = self.escaped(byte)
      }
      // A line that continues needs room for the `=` of the soft line break.
      let limit = isLastByte ? self.maximumLineLength : self.maximumLineLength - 1
      if lineLength + token.count > limit {
        output.append(contentsOf: [UInt8(ascii: "="), UInt8(ascii: "\r"), UInt8(ascii: "\n")])
        lineLength = 0
      }
      output.append(contentsOf: token)
      lineLength += token.count
    }
    return String(decoding: output, as: UTF8.self)
  }

  private static let hexDigits = Array("0123456789ABCDEF".utf8)

  private static func escaped(_ byte: UInt8) -> [UInt8] {
    [UInt8(ascii: "="), self.hexDigits[Int(byte >> 4)], self.hexDigits[Int(byte & 0x0F)]]
  }
}
