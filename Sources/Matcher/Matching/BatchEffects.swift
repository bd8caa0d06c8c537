import Contract

/// What applying a batch produced, written at its end in one statement each: the notices for the outbox and the
/// rows for the log book.
struct BatchEffects: Sendable {
  var notices: [NoticeEvent] = []
  var log: [LogBookRow] = []
  var signals = 0
  var matches = 0

  /// Forgets the child's pseudonym in log rows not yet written (the child was erased).
  mutating func forget(child: String) {
    for index in log.indices where log[index].childPseudonym?.value == child {
      log[index].childPseudonym = nil
    }
  }
}
