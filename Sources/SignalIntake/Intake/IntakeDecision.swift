import Contract

/// What becomes of one intake record: a signal to register or end, or exactly one rejection.
enum IntakeDecision: Sendable {
  /// A valid register command.
  case register(ValidRegistration, command: CommandLedger.Key)
  /// A valid end command.
  case end(ValidEnding, command: CommandLedger.Key)
  /// An invalid command, with the organisation id to key the rejection by, when known.
  case rejected(Rejection, organisationId: String?)

  /// The command's identity, for a valid command.
  var command: CommandLedger.Key? {
    switch self {
    case .register(_, let command), .end(_, let command): command
    case .rejected: nil
    }
  }
}
