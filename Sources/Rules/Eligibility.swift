/// Who may be matched with whom (DOMAIN ): the signals of two different professionals, of two different
/// organisations unless the region matches professionals of one organisation (`matchSameOrganisation`, off by
/// default). The same rule decides whose archived signals a new signaller is shown.
public struct Eligibility: Sendable, Hashable {
  /// Whether two professionals of one organisation are matched.
  public var matchSameOrganisation: Bool

  /// The rule for a region that does or does not match professionals of one organisation.
  public init(matchSameOrganisation: Bool) {
    self.matchSameOrganisation = matchSameOrganisation
  }

  /// Whether signals by `a` and by `b` may be matched.
  public func allows(_ a: Signaller, _ b: Signaller) -> Bool {
    a.professionalId != b.professionalId && (matchSameOrganisation || a.organisationId != b.organisationId)
  }

  /// ``allows(_:_:)`` as a SQL condition on two rows, `a` and `b` (table aliases), that have the columns
  /// `professional_id` and `organisation_id` (not null).
  public func sql(_ a: String, _ b: String) -> String {
    let otherProfessional = "\(a).professional_id <> \(b).professional_id"
    guard !matchSameOrganisation else { return "(\(otherProfessional))" }
    return "(\(otherProfessional) AND \(a).organisation_id <> \(b).organisation_id)"
  }
}
