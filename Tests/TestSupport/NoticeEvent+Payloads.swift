public import Contract

/// Each payload of a notice event, `nil` when the notice is of another kind: what the tests compare. (``match`` is
/// the service's own.)
extension NoticeEvent {
  /// The archived signals of a `notice.historical` event.
  public var historical: HistoricalNotice? {
    guard case .historical(let payload) = content else { return nil }
    return payload
  }

  /// The move of a `notice.regie` event.
  public var regie: RegieNotice? {
    guard case .regie(let payload) = content else { return nil }
    return payload
  }

  /// The signal of a `notice.expiryReminder` or `notice.expired` event.
  public var expiry: ExpiryNotice? {
    switch content {
    case .expiryReminder(let payload), .expired(let payload): payload
    default: nil
    }
  }

  /// The signals of a `notice.withdrawn` event.
  public var withdrawal: WithdrawalNotice? {
    guard case .withdrawn(let payload) = content else { return nil }
    return payload
  }
}
