#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// A plain-text e-mail to send with ``SMTPClient/send(_:)``.
///
/// The message is checked when it is made: header values (the subject, the message ID, display names) must not
/// contain CR or LF, so no caller-supplied text can add headers. The body may contain any text; its line endings
/// are normalised to CRLF and it is sent as `text/plain; charset=utf-8` in quoted-printable encoding.
///
/// All addresses in ``to`` get the same message in one SMTP transaction. If the server refuses any of them the
/// whole message fails (``SMTPError/Kind/recipientRejected``); to deliver to each recipient independently, send
/// one message per recipient.
public struct EmailMessage: Sendable, Hashable {
  /// The sender, used for the `From` header and as the envelope sender (`MAIL FROM`).
  public let from: EmailAddress

  /// The recipients, used for the `To` header and as envelope recipients (`RCPT TO`); at least one.
  public let to: [EmailAddress]

  /// The subject; encoded per RFC 2047 when it is not ASCII.
  public let subject: String

  /// The plain-text body.
  public let body: String

  /// The `Message-ID` (with or without angle brackets), or `nil` to generate `<random@domain-of-from>`.
  public let messageID: String?

  /// The `Date` header.
  public let date: Date

  /// Creates a message.
  ///
  /// - Parameters:
  ///   - from: The sender.
  ///   - to: The recipients; at least one.
  ///   - subject: The subject; must not contain CR or LF.
  ///   - body: The plain-text body; any line endings.
  ///   - messageID: A message ID such as `<notification-42@verwijsindex.example.nl>`, or `nil` to generate one.
  ///   - date: The date for the `Date` header; now by default.
  /// - Throws: ``SMTPError`` of kind ``SMTPError/Kind/invalidMessage`` when there is no recipient or a header
  ///   value contains a line break.
  public init(
    from: EmailAddress,
    to: [EmailAddress],
    subject: String,
    body: String,
    messageID: String? = nil,
    date: Date = Date()
  ) throws {
    guard !to.isEmpty else {
      throw SMTPError(kind: .invalidMessage, detail: "The message has no recipients.")
    }
    guard !subject.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) else {
      throw SMTPError(
        kind: .invalidMessage,
        detail: "The subject contains a line break or NUL (header injection)."
      )
    }
    if let messageID {
      try Self.validate(messageID: messageID)
    }
    self.from = from
    self.to = to
    self.subject = subject
    self.body = body
    self.messageID = messageID
    self.date = date
  }

  private static func validate(messageID: String) throws {
    var core = Substring(messageID)
    if core.hasPrefix("<") && core.hasSuffix(">") && core.count >= 2 {
      core = core.dropFirst().dropLast()
    }
    let isValid =
      !core.isEmpty
      && core.unicodeScalars.allSatisfy { $0.value > 32 && $0.value < 127 && $0 != "<" && $0 != ">" }
      && core.filter({ $0 == "@" }).count == 1
      && !core.hasPrefix("@") && !core.hasSuffix("@")
    guard isValid else {
      throw SMTPError(
        kind: .invalidMessage,
        detail: "The message ID must look like <id@domain> in printable ASCII without spaces or line breaks."
      )
    }
  }
}
