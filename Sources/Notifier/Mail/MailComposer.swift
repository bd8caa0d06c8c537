import Contract
import Registry

/// Writes a queued e-mail from its event and the registry as it is at sending time.
///
/// What an e-mail may contain: the recipient's own signal (their reference, the child's initials and birth date, as
/// they registered them), and the other professionals' and their coordinators' names, organisations, e-mail
/// addresses and phone numbers. Never a BSN (the Notifier never has one, and free text is masked), and in a family
/// or address match nothing about the other child: the other party is described by the professional alone.
struct MailComposer: Sendable {
  let templates: MailTemplates

  /// The e-mail for `delivery`.
  ///
  /// - Throws: ``ComposeProblem``, or ``MailTemplates/RenderError``.
  func compose(_ delivery: PendingDelivery, registry: RegistrySnapshot) throws -> Notice {
    guard let notice = delivery.notice else { throw ComposeProblem.unusable("its event cannot be read") }
    guard let kind = delivery.kind else { throw ComposeProblem.unusable("unknown kind '\(delivery.kindName)'") }
    guard let recipient = delivery.recipient else {
      throw ComposeProblem.unusable("unknown recipient '\(delivery.recipientKey)'")
    }
    let writer = Writer(registry: registry)
    switch recipient {
    case .followUpOfficer(let email):
      guard kind == .followUp, case .match(let match) = notice.content else { throw mismatch(kind) }
      let model = try writer.followUp(match, officer: email)
      return try written(kind, model, to: email, name: nil)
    case .professional(let id):
      let professional = try writer.professional(id)
      let model: Any
      switch kind {
      case .matchChild, .matchFamily, .matchAddress:
        guard case .match(let match) = notice.content,
          let party = match.parties.first(where: { $0.professionalId == id })
        else {
          throw mismatch(kind)
        }
        model = MatchMailModel(
          recipientName: professional.name, signal: DutchText.signal(party),
          others: try match.parties.filter { $0.professionalId != id }.map {
            try writer.contact($0.professionalId, organisation: $0.organisationId)
          },
          regie: try writer.regie(match.regie, recipient: id))
      case .historical:
        guard case .historical(let historical) = notice.content, historical.recipient.professionalId == id else {
          throw mismatch(kind)
        }
        model = HistoricalMailModel(
          recipientName: professional.name, signal: DutchText.signal(historical.recipient),
          involvements: try historical.archived.map {
            HistoricalMailModel.InvolvementModel(
              contact: try writer.contact($0.professionalId, organisation: $0.organisationId),
              registeredOn: DutchText.date($0.registeredOn), archivedOn: DutchText.date($0.archivedOn))
          })
      case .regie:
        guard case .regie(let regie) = notice.content,
          let party = regie.recipients.first(where: { $0.professionalId == id })
        else {
          throw mismatch(kind)
        }
        model = RegieMailModel(
          recipientName: professional.name, signal: DutchText.signal(party),
          regie: try writer.regie(regie.holder, recipient: id))
      case .expiryReminder, .expired:
        let expiry: ExpiryNotice
        switch notice.content {
        case .expiryReminder(let notice), .expired(let notice): expiry = notice
        case .match, .historical, .regie, .withdrawn: throw mismatch(kind)
        }
        guard expiry.recipient.professionalId == id else { throw mismatch(kind) }
        model = ExpiryMailModel(
          recipientName: professional.name, signal: DutchText.signal(expiry.recipient),
          endsOn: DutchText.date(expiry.endsOn))
      case .followUp:
        throw mismatch(kind)
      }
      return try written(kind, model, to: professional.email, name: professional.name)
    }
  }

  private func written(_ kind: MailKind, _ model: Any, to email: String, name: String?) throws -> Notice {
    let (subject, body) = try templates.render(kind, model)
    return Notice(recipientName: name, recipientEmail: email, subject: subject, body: body)
  }

  private func mismatch(_ kind: MailKind) -> ComposeProblem {
    .unusable("a '\(kind.rawValue)' e-mail does not fit its event")
  }

  /// Reads the registry for one e-mail.
  private struct Writer {
    let registry: RegistrySnapshot

    func professional(_ id: String) throws -> Professional {
      guard let professional = registry.professionals[id] else {
        throw ComposeProblem.notInRegistry("professional '\(id)'")
      }
      return professional
    }

    func contact(_ professionalId: String, organisation organisationId: String) throws -> ContactModel {
      let professional = try professional(professionalId)
      guard let organisation = registry.organisations[organisationId] else {
        throw ComposeProblem.notInRegistry("organisation '\(organisationId)'")
      }
      return ContactModel(
        name: professional.name, organisation: organisation.name, email: professional.email,
        phone: professional.phone,
        coordinator: organisation.coordinator.map { PersonModel(name: $0.name, email: $0.email, phone: $0.phone) })
    }

    func regie(_ holder: RegieHolder, recipient: String?) throws -> RegieModel {
      RegieModel(
        recipientHasRegie: holder.professionalId == recipient,
        holder: try contact(holder.professionalId, organisation: holder.organisationId))
    }

    func followUp(_ match: MatchNotice, officer email: String) throws -> FollowUpMailModel {
      let codes = match.municipalityCodes
      let served = codes.compactMap { registry.municipalities[$0] }.filter {
        $0.followUpEmail.lowercased() == email.lowercased()
      }
      let child = match.parties.first.map {
        FollowUpMailModel.ChildModel(
          initials: BSNMask.masking($0.childInitials), birthDate: DutchText.date($0.childBirthDate))
      }
      return FollowUpMailModel(
        municipalities: (served.isEmpty ? codes : served.map(\.name)).joined(separator: ", "),
        isChild: match.kind == .child, isFamily: match.kind == .family, isAddress: match.kind == .address,
        child: match.kind == .child ? child : nil,
        parties: try match.parties.map { try contact($0.professionalId, organisation: $0.organisationId) },
        regie: try regie(match.regie, recipient: nil), matchId: match.matchId.uuidString.lowercased())
    }
  }
}
