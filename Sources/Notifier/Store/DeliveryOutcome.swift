/// What became of one attempt to send a queued e-mail, and so what the queue records.
enum DeliveryOutcome: Sendable, Equatable {
  /// The SMTP server accepted it: recorded as sent, never sent again.
  case sent
  /// It may go later (a 4xx reply, a recipient not in the registry yet): tried again after `delay`.
  case retry(after: Duration, reason: String)
  /// The server, not this e-mail, is the problem (down, refusing our login): the row stays due as it was; only
  /// the attempt and the reason are recorded.
  case postpone(reason: String)
  /// It can never go (a 5xx reply, an invalid address): recorded as failed and published to the failed topic.
  case failed(reason: String)
}
