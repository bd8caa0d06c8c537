extension SignalEvent {
  /// What happened to the child's signals, with the payload each kind of event carries.
  public enum Change: Sendable, Hashable {
    /// A professional signalled involvement (SignalIntake).
    case registered(SignalRegistration)
    /// A professional ended their signal early (SignalIntake).
    case ended(SignalEnding)
    /// A signal reached its end date (Retention).
    case expired(SignalExpiry)
    /// A signal reaches its end date soon (Retention).
    case expiryReminder(SignalReminder)
    /// An archived signal reached five years in the archive (Retention).
    case purged(SignalPurge)
    /// Everything about the child goes: 23rd birthday (Retention), death or objection (Matcher admin API).
    case childErased(ChildErasure)
    /// The child's personal data was corrected (Matcher admin API).
    case childCorrected(ChildCorrection)

    /// The wire tag of this change.
    public var type: EventType {
      switch self {
      case .registered: .registered
      case .ended: .ended
      case .expired: .expired
      case .expiryReminder: .expiryReminder
      case .purged: .purged
      case .childErased: .childErased
      case .childCorrected: .childCorrected
      }
    }
  }

  /// The registration, when the event is one; every other change has none.
  public var registration: SignalRegistration? {
    guard case .registered(let registration) = change else { return nil }
    return registration
  }
}
