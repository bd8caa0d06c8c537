import Foundation

extension MailTemplates {
  /// Renders every kind of e-mail once with made-up data, so that a template that renders no subject or no body
  /// is found at start rather than when the first such e-mail is due.
  func check() throws {
    let contact = ContactModel(
      name: "Voorbeeld", organisation: "Organisatie", email: "voorbeeld@example.invalid", phone: "0000000000",
      coordinator: PersonModel(name: "Coördinator", email: "coordinator@example.invalid", phone: "0000000000"))
    let signal = SignalModel(
      initials: "A.B. Voorbeeld", birthDate: "01-01-2015", reference: "R-1",
      summary: "A.B. Voorbeeld, geboren 01-01-2015 (uw referentie: R-1)")
    let regie = RegieModel(recipientHasRegie: false, holder: contact)
    for kind in MailKind.allCases {
      let model: Any =
        switch kind {
        case .matchChild, .matchFamily, .matchAddress:
          MatchMailModel(recipientName: "Voorbeeld", signal: signal, others: [contact], regie: regie)
        case .followUp:
          FollowUpMailModel(
            municipalities: "Gemeente", isChild: true, isFamily: false, isAddress: false,
            child: .init(initials: "A.B. Voorbeeld", birthDate: "01-01-2015"), parties: [contact, contact],
            regie: regie, matchId: UUID().uuidString.lowercased())
        case .historical:
          HistoricalMailModel(
            recipientName: "Voorbeeld", signal: signal,
            involvements: [.init(contact: contact, registeredOn: "01-01-2020", archivedOn: "01-01-2022")])
        case .regie:
          RegieMailModel(recipientName: "Voorbeeld", signal: signal, regie: regie)
        case .expiryReminder, .expired:
          ExpiryMailModel(recipientName: "Voorbeeld", signal: signal, endsOn: "01-01-2027")
        }
      do {
        _ = try render(kind, model)
      } catch {
        throw LoadError(file: files[kind.templateName] ?? "\(kind.templateName).mustache", reason: "\(error)")
      }
    }
  }
}
