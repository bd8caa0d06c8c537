import Shared

/// What becomes of one intake record: exactly one signal event or exactly one rejection.
enum IntakeDecision: Sendable {
  /// A valid command.
  case signal(SignalEvent)
  /// An invalid command, with the organisation id to key the rejection by, when known.
  case rejected(Rejection, organisationId: String?)
}
