/// An error from ``SMTPClient``: what went wrong, whether a retry can help, and what the server said.
///
/// Use ``isTransient`` to decide what to do with a message that failed:
/// - `true`: the message may be delivered later; retry it with a back-off (4xx replies, 421, refused or lost
///   connections, time-outs, TLS handshake failures).
/// - `false`: retrying the same message unchanged will fail again (5xx replies such as 550 for an unknown
///   recipient, invalid addresses or headers, a server that does not offer what the configuration requires).
///
/// ``isMessageSpecific`` tells whether the error is about this message (a rejected recipient, sender or content)
/// or about the connection, the server or the configuration (which would make every message fail the same way).
public struct SMTPError: Error, Sendable, Hashable, CustomStringConvertible {
  /// What went wrong.
  public var kind: Kind

  /// The server's reply code, when the error is a reply from the server.
  public var code: Int?

  /// The server's reply text (all lines joined by newlines), when the error is a reply from the server.
  public var serverMessage: String?

  /// The SMTP command the failure belongs to, for example `"RCPT TO"`, when known.
  public var command: String?

  /// The recipient address that the server refused, for ``Kind/recipientRejected``.
  public var recipient: String?

  /// Details from the client side, such as the description of an underlying network or TLS error.
  public var detail: String?

  /// Creates an error.
  ///
  /// - Parameters:
  ///   - kind: What went wrong.
  ///   - code: The server's reply code, if any.
  ///   - serverMessage: The server's reply text, if any.
  ///   - command: The SMTP command the failure belongs to, if any.
  ///   - recipient: The refused recipient, if any.
  ///   - detail: Details from the client side, if any.
  public init(
    kind: Kind,
    code: Int? = nil,
    serverMessage: String? = nil,
    command: String? = nil,
    recipient: String? = nil,
    detail: String? = nil
  ) {
    self.kind = kind
    self.code = code
    self.serverMessage = serverMessage
    self.command = command
    self.recipient = recipient
    self.detail = detail
  }

  /// Whether a later retry of the same message may succeed.
  ///
  /// A reply from the server decides by its class: 5xx is permanent, any other code (4xx, 421, or an
  /// unexpected code) is transient. Errors without a reply use the classification of their ``kind``.
  public var isTransient: Bool {
    if self.kind == .outOfSequence {
      return true
    }
    if let code = self.code {
      return !(500...599).contains(code)
    }
    return self.kind.isTransientWithoutReply
  }

  /// Whether the error concerns this message only (sender, recipients or content), rather than the
  /// connection, the server or the configuration.
  public var isMessageSpecific: Bool {
    self.kind.isMessageSpecific
  }

  /// What the caller should do about the error, in one sentence.
  public var recoverySuggestion: String {
    if self.isTransient {
      return "Retry the message later (with a back-off)."
    }
    if self.isMessageSpecific {
      return "Do not retry this message unchanged; check its addresses and content."
    }
    return "Do not retry until the SMTP configuration or the server is fixed."
  }

  /// A one-line summary: kind, command, recipient, reply, detail and what to do.
  public var description: String {
    var parts = ["SMTPError(\(self.kind)"]
    if let command = self.command {
      parts.append("command: \(command)")
    }
    if let recipient = self.recipient {
      parts.append("recipient: <\(recipient)>")
    }
    if let code = self.code {
      let text = self.serverMessage.map { " " + $0.replacingNewlines() } ?? ""
      parts.append("reply: \(code)\(text)")
    }
    if let detail = self.detail {
      parts.append("detail: \(detail)")
    }
    parts.append(self.isTransient ? "transient" : "permanent")
    return parts.joined(separator: ", ") + "). " + self.recoverySuggestion
  }
}

extension SMTPError {
  /// Creates an error from a negative or unexpected server reply.
  init(kind: Kind, reply: SMTPReply, command: SMTPCommand?, recipient: String? = nil) {
    self.init(
      kind: kind,
      code: reply.code,
      serverMessage: reply.text,
      command: command?.name,
      recipient: recipient
    )
  }
}

extension String {
  fileprivate func replacingNewlines() -> String {
    self.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " / ")
  }
}
