internal import NIOCore

/// One mail transaction: the envelope sender, the envelope recipients and the encoded content.
struct SMTPEnvelope: Sendable, Hashable {
  /// The address for `MAIL FROM`.
  var sender: String

  /// The addresses for `RCPT TO`, in order.
  var recipients: [String]

  /// The content sent after `354`: dot-stuffed, CRLF line endings, ending with `.` CRLF.
  var data: ByteBuffer

  init(sender: String, recipients: [String], data: ByteBuffer) {
    self.sender = sender
    self.recipients = recipients
    self.data = data
  }

  /// The envelope for `message`, with `messageID` in its `Message-ID` header.
  init(message: EmailMessage, messageID: String) {
    self.sender = message.from.address
    var seen = Set<String>()
    // A recipient listed twice gets the message once.
    self.recipients = message.to.map(\.address).filter { seen.insert($0.lowercased()).inserted }
    self.data = SMTPDataEncoder.encode(message.mimeRepresentation(messageID: messageID))
  }
}
