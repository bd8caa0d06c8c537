extension SMTPSessionStateMachine {
  /// The AUTH step whose reply the client waits for.
  enum AuthenticationStep: Sendable, Hashable {
    /// `AUTH PLAIN <initial response>`: waiting for 235.
    case plain
    /// `AUTH LOGIN`: waiting for 334 (user name prompt).
    case loginUsername
    /// Sent the user name: waiting for 334 (password prompt).
    case loginPassword
    /// Sent the password: waiting for 235.
    case loginResult
  }
}
