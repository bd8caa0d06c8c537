/// The result of a successful ``SMTPClient/send(_:)``: the server accepted the message for all recipients.
public struct SMTPDelivery: Sendable, Hashable {
  /// The `Message-ID` header the message was sent with (with angle brackets).
  public var messageID: String

  /// The envelope recipients the server accepted (every recipient of the message, without duplicates).
  public var recipients: [String]

  /// The server's final reply after the message content, usually `250` with a queue ID in its text.
  public var reply: SMTPReply

  /// Creates a delivery result.
  ///
  /// - Parameters:
  ///   - messageID: The `Message-ID` the message was sent with.
  ///   - recipients: The accepted envelope recipients.
  ///   - reply: The server's final reply.
  public init(messageID: String, recipients: [String], reply: SMTPReply) {
    self.messageID = messageID
    self.recipients = recipients
    self.reply = reply
  }
}
