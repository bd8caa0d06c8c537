import Contract

/// How dates and the recipient's own signal are written in the e-mails, with any BSN in free text masked.
enum DutchText {
  /// `01-05-2015`.
  static func date(_ date: CalendarDate) -> String {
    "\(twoDigits(date.day))-\(twoDigits(date.month))-\(date.year)"
  }

  /// The recipient's own signal.
  static func signal(_ party: SignalParty) -> SignalModel {
    let initials = BSNMask.masking(party.childInitials)
    let birthDate = date(party.childBirthDate)
    let reference = party.reference.map(BSNMask.masking)
    return SignalModel(
      initials: initials, birthDate: birthDate, reference: reference,
      summary: "\(initials), geboren \(birthDate)" + (reference.map { " (uw referentie: \($0))" } ?? ""))
  }

  private static func twoDigits(_ value: Int) -> String {
    value < 10 ? "0\(value)" : "\(value)"
  }
}
