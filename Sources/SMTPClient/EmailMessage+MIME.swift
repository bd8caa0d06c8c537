extension EmailMessage {
  /// The message as an Internet message (RFC 5322) with a MIME (RFC 2045) `text/plain; charset=utf-8` body in
  /// quoted-printable encoding. All lines end in CRLF and are 7-bit ASCII of at most 76 characters (apart from
  /// headers with a single very long word, such as a long address).
  ///
  /// - Parameter messageID: The `Message-ID`, with angle brackets.
  func mimeRepresentation(messageID: String) -> String {
    let headers = [
      HeaderField.folded(name: "Date", value: RFC5322Date.string(from: self.date)),
      HeaderField.folded(name: "From", value: self.from.headerValue),
      HeaderField.folded(name: "To", value: self.to.map(\.headerValue).joined(separator: ", ")),
      HeaderField.subject(self.subject),
      HeaderField.folded(name: "Message-ID", value: messageID),
      "MIME-Version: 1.0",
      "Content-Type: text/plain; charset=utf-8",
      "Content-Transfer-Encoding: quoted-printable",
    ]
    return headers.joined(separator: "\r\n") + "\r\n\r\n" + QuotedPrintable.encode(self.body)
  }

  /// The `Message-ID` to send: ``messageID`` with angle brackets, or a new one in the sender's domain.
  func resolvedMessageID() -> String {
    self.messageID.map(MessageID.bracketed) ?? MessageID.generate(domain: self.from.domain)
  }
}
