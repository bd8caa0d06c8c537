/// Regie around a child moved to another professional (a signal of a higher-ranked organisation type arrived, or
/// the holder's signal ended). Every listed professional is told who has it now.
public struct RegieNotice: Codable, Sendable, Hashable {
  /// The active, matched signals around the child; each professional gets one e-mail.
  public var recipients: [SignalParty]
  /// Who has regie now.
  public var holder: RegieHolder

  /// Creates a regie notice.
  public init(recipients: [SignalParty], holder: RegieHolder) {
    self.recipients = recipients
    self.holder = holder
  }
}
