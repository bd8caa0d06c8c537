import Foundation

/// An e-mail the SMTP sink stored: envelope recipients, headers and the decoded text body.
struct ReceivedMail {
  let file: URL
  let envelopeTo: [String]
  let headers: [String: String]
  let body: String

  /// Every message in `directory` addressed (in the envelope) to one of `recipients`.
  static func all(in directory: URL, to recipients: Set<String>) -> [ReceivedMail] {
    let files = (try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)) ?? []
    return files.filter { $0.pathExtension == "eml" }.compactMap(ReceivedMail.init(file:))
      .filter { !recipients.isDisjoint(with: $0.envelopeTo) }
  }

  init?(file: URL) {
    guard let raw = try? String(contentsOf: file, encoding: .utf8) else { return nil }
    let text = raw.replacingOccurrences(of: "\r\n", with: "\n")
    guard let split = text.range(of: "\n\n") else { return nil }
    var headers: [String: String] = [:]
    var envelope: [String] = []
    for line in text[..<split.lowerBound].split(separator: "\n") {
      guard let colon = line.firstIndex(of: ":") else { continue }
      let name = line[..<colon].lowercased()
      let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      if name == "x-envelope-to" { envelope.append(value) } else { headers[name] = value }
    }
    self.file = file
    self.envelopeTo = envelope
    self.headers = headers
    self.body = Self.decodeQuotedPrintable(String(text[split.upperBound...]))
  }

  /// Decodes quoted-printable (soft line breaks and =XX escapes) into UTF-8 text.
  static func decodeQuotedPrintable(_ text: String) -> String {
    let joined = text.replacingOccurrences(of: "=\n", with: "")
    var bytes: [UInt8] = []
    var iterator = Array(joined.utf8).makeIterator()
    while let byte = iterator.next() {
      if byte == UInt8(ascii: "="), let high = iterator.next(), let low = iterator.next(),
        let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
      {
        bytes.append(value)
      } else {
        bytes.append(byte)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
