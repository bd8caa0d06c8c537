extension SMTPSessionStateMachine {
  /// A mail transaction (RFC 5321 §3.3) and its current step.
  struct Transaction: Sendable, Hashable {
    /// The command whose reply the client waits for.
    enum Step: Sendable, Hashable {
      /// `MAIL FROM`.
      case mailFrom
      /// `RCPT TO` for the recipient at this index.
      case recipient(Int)
      /// `DATA`, waiting for 354.
      case data
      /// The content and `.`, waiting for the final reply.
      case content
    }

    var envelope: SMTPEnvelope
    var step: Step
  }
}
