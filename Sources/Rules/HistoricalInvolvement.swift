public import Foundation

/// Historical involvement (DOMAIN ): a professional who signals a child is shown the archived signals of other
/// professionals on the same child, by the same rule as matches (``Eligibility``), each archived signal once per
/// professional.
///
/// The "once" is kept as the set of what was shown: in the Matcher it is the table `historical_shown`, whose key
/// (archived signal, professional) refuses a second showing.
public struct HistoricalInvolvement: Sendable {
  /// Who may be shown whose signals.
  public let eligibility: Eligibility
  /// Every (archived signal, professional) shown so far.
  public private(set) var shown: Set<Showing> = []

  /// One archived signal shown to one professional.
  public struct Showing: Sendable, Hashable {
    /// The archived signal.
    public var archivedSignalId: UUID
    /// The professional who was shown it.
    public var professionalId: String
  }

  /// Nothing shown yet.
  public init(eligibility: Eligibility) {
    self.eligibility = eligibility
  }

  /// Whether an archived signal by `archived`, with status `status`, concerns a new signal by `signaller`: the
  /// signal is archived, on the same child (`sameChild`), and eligibility allows the two.
  public func concerns(
    status: SignalStatus, sameChild: Bool, by archived: Signaller, newBy signaller: Signaller
  )
    -> Bool
  {
    status == .archived && sameChild && eligibility.allows(archived, signaller)
  }

  /// Records that `archivedSignalId` is shown to `professionalId`; `false` when it was shown to them before (and is
  /// not shown again).
  public mutating func show(_ archivedSignalId: UUID, to professionalId: String) -> Bool {
    shown.insert(Showing(archivedSignalId: archivedSignalId, professionalId: professionalId)).inserted
  }

  /// ``concerns(status:sameChild:by:newBy:)`` as a SQL condition on a new signal's row `new` and another row
  /// `archived` of `signals` (table aliases).
  public func sql(new: String, archived: String) -> String {
    "(\(archived).child_pseudonym = \(new).child_pseudonym AND \(archived).status = \(SignalStatus.archived.sqlLiteral)"
      + " AND \(eligibility.sql(archived, new)))"
  }
}
