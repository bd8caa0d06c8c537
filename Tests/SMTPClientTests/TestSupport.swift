import Foundation
import NIOCore
import Testing

@testable import SMTPClient

/// A reply with the given code and lines.
func reply(_ code: Int, _ lines: String...) -> SMTPReply {
  SMTPReply(code: code, lines: lines)
}

/// An envelope whose content is `content`, encoded as for the wire.
func envelope(
  from sender: String = "noreply@vi.test",
  to recipients: [String] = ["jan@example.test"],
  content: String = "Subject: test\r\n\r\nHello\r\n"
) -> SMTPEnvelope {
  SMTPEnvelope(sender: sender, recipients: recipients, data: SMTPDataEncoder.encode(content))
}

/// A simple message from `noreply@vi.test`.
func message(
  to recipients: [String] = ["jan@example.test"],
  subject: String = "Nieuwe melding",
  body: String = "Er is een nieuwe melding.\n",
  messageID: String? = nil
) throws -> EmailMessage {
  try EmailMessage(
    from: EmailAddress("noreply@vi.test", name: "Verwijsindex"),
    to: recipients.map { try EmailAddress($0) },
    subject: subject,
    body: body,
    messageID: messageID,
    date: Date(timeIntervalSince1970: 1_764_091_140)
  )
}

/// Decodes quoted-printable text (RFC 2045 §6.7) back to bytes, for round-trip checks.
func decodeQuotedPrintable(_ encoded: String) -> [UInt8] {
  var output: [UInt8] = []
  let bytes = Array(encoded.utf8)
  var index = 0
  while index < bytes.count {
    let byte = bytes[index]
    if byte == UInt8(ascii: "=") {
      if index + 2 < bytes.count && bytes[index + 1] == UInt8(ascii: "\r") && bytes[index + 2] == UInt8(ascii: "\n") {
        index += 3
        continue
      }
      let hex = String(decoding: bytes[(index + 1)...(index + 2)], as: UTF8.self)
      output.append(UInt8(hex, radix: 16)!)
      index += 3
    } else {
      output.append(byte)
      index += 1
    }
  }
  return output
}

/// Decodes a header value of RFC 2047 `B` encoded words (separated by folding white space) to text.
func decodeEncodedWords(_ value: String) -> String {
  let words = value.split(whereSeparator: \.isWhitespace)
  var bytes: [UInt8] = []
  for word in words {
    let base64 = word.dropFirst("=?UTF-8?B?".count).dropLast("?=".count)
    bytes.append(contentsOf: Data(base64Encoded: String(base64)) ?? Data("<invalid base64>".utf8))
  }
  return String(decoding: bytes, as: UTF8.self)
}

/// The string content of a buffer.
func string(_ buffer: ByteBuffer) -> String {
  String(buffer: buffer)
}

/// The value of the header `name` in a rendered message, unfolded lines joined with CRLF as sent.
func headerField(_ name: String, in message: String) -> String? {
  let headerBlock = message.components(separatedBy: "\r\n\r\n")[0]
  var result: String?
  for line in headerBlock.components(separatedBy: "\r\n") {
    if line.hasPrefix(name + ": ") {
      result = String(line.dropFirst(name.count + 2))
    } else if result != nil && (line.hasPrefix(" ") || line.hasPrefix("\t")) {
      result! += "\r\n" + line
    } else if result != nil {
      break
    }
  }
  return result
}

/// The result of a future, if it is complete.
func result<Value>(of future: EventLoopFuture<Value>) -> Result<Value, any Error>? {
  var result: Result<Value, any Error>?
  future.assumeIsolated().whenComplete { result = $0 }
  return result
}

/// The ``SMTPError`` a future failed with, if it is complete and failed.
func smtpError<Value>(of future: EventLoopFuture<Value>) -> SMTPError? {
  guard case .failure(let error) = result(of: future) else {
    return nil
  }
  return error as? SMTPError
}
