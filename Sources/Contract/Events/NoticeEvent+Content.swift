extension NoticeEvent {
  /// What a notice tells, with the payload each kind of notice carries.
  public enum Content: Sendable, Hashable {
    /// A child, family or address match.
    case match(MatchNotice)
    /// Archived signals shown once to a new signaller.
    case historical(HistoricalNotice)
    /// Regie around a child moved.
    case regie(RegieNotice)
    /// A signal ends soon.
    case expiryReminder(ExpiryNotice)
    /// A signal ended after two years; asks whether to signal again.
    case expired(ExpiryNotice)
    /// Signals were deleted: e-mails about them that have not gone out must not.
    case withdrawn(WithdrawalNotice)

    /// The wire tag of this content.
    public var type: EventType {
      switch self {
      case .match: .match
      case .historical: .historical
      case .regie: .regie
      case .expiryReminder: .expiryReminder
      case .expired: .expired
      case .withdrawn: .withdrawn
      }
    }
  }

  /// The match, when the notice is one; every other notice has none.
  public var match: MatchNotice? {
    guard case .match(let match) = content else { return nil }
    return match
  }
}
