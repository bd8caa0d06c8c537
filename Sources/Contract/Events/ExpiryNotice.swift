/// A signal is about to reach its end date (reminder) or reached it (the notice asks whether to signal again).
public struct ExpiryNotice: Codable, Sendable, Hashable {
  /// The signal; its professional is the only recipient.
  public var recipient: SignalParty
  /// The signal's last active day.
  public var endsOn: CalendarDate

  /// Creates an expiry notice.
  public init(recipient: SignalParty, endsOn: CalendarDate) {
    self.recipient = recipient
    self.endsOn = endsOn
  }
}
