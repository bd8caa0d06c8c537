public import Contract

/// Each payload of a signal event, `nil` when the event is of another kind: what the tests compare.
extension SignalEvent {
  /// The registration of a `signal.registered` event.
  public var registered: SignalRegistration? {
    guard case .registered(let payload) = change else { return nil }
    return payload
  }

  /// The ending of a `signal.ended` event.
  public var ended: SignalEnding? {
    guard case .ended(let payload) = change else { return nil }
    return payload
  }

  /// The expiry of a `signal.expired` event.
  public var expired: SignalExpiry? {
    guard case .expired(let payload) = change else { return nil }
    return payload
  }

  /// The reminder of a `signal.expiryReminder` event.
  public var reminder: SignalReminder? {
    guard case .expiryReminder(let payload) = change else { return nil }
    return payload
  }

  /// The purge of a `signal.purged` event.
  public var purged: SignalPurge? {
    guard case .purged(let payload) = change else { return nil }
    return payload
  }

  /// The erasure of a `child.erased` event.
  public var erased: ChildErasure? {
    guard case .childErased(let payload) = change else { return nil }
    return payload
  }

  /// The correction of a `child.corrected` event.
  public var corrected: ChildCorrection? {
    guard case .childCorrected(let payload) = change else { return nil }
    return payload
  }
}
