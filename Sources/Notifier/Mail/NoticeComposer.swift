import Shared

/// Writes the Dutch match notices. A notice names the recipient's own signal (their reference, the child's initials
/// and birth date) and gives the other professionals' and their coordinators' contact details from the registry as
/// it is now. It never contains a BSN (the Notifier never has one) and, in a family match, nothing about the
/// sibling: only that another child of the same family is concerned.
struct NoticeComposer: Sendable {
  /// Why a notice cannot be written yet.
  enum Missing: Error, CustomStringConvertible {
    case professional(String)
    case organisation(String)

    var description: String {
      switch self {
      case .professional(let id): "professional '\(id)' is not in the registry (yet)"
      case .organisation(let id): "organisation '\(id)' is not in the registry (yet)"
      }
    }
  }

  let registry: RegistrySnapshot

  /// The notice for `recipient`, one of the match's parties.
  func notice(for recipient: SignalParty, in match: MatchNotice) throws -> Notice {
    guard let professional = registry.professionals[recipient.professionalId] else {
      throw Missing.professional(recipient.professionalId)
    }
    let others = match.parties.filter { $0.signalId != recipient.signalId }
    var lines = ["Beste \(professional.name),", ""]
    switch match.kind {
    case .child:
      lines.append("Er is een match in de Verwijsindex op uw signaal over \(describe(recipient)).")
      lines.append("Ook de volgende professional is bij deze jongere betrokken:")
    case .family, .address:
      lines.append("Er is een gezinsmatch in de Verwijsindex op uw signaal over \(describe(recipient)).")
      lines.append(
        "Een andere professional heeft een signaal afgegeven over een ander kind uit hetzelfde gezin:")
    }
    lines.append("")
    for other in others {
      lines += try contactLines(for: other)
      lines.append("")
    }
    let lead = match.regie
    let name = registry.organisations[lead.organisationId]?.name ?? lead.organisationId
    lines.append(
      lead.professionalId == recipient.professionalId ? "U heeft de regie." : "De regie ligt bij \(name).")
    lines.append("")
    lines += [
      "Neem contact met elkaar op om af te stemmen wie wat doet.",
      "",
      "Met vriendelijke groet,",
      "De Verwijsindex",
    ]
    let subject = match.kind == .family ? "Gezinsmatch in de Verwijsindex" : "Match in de Verwijsindex"
    return Notice(
      recipientName: professional.name, recipientEmail: professional.email, subject: subject,
      body: lines.joined(separator: "\n"))
  }

  /// "P.J. Jansen, geboren 01-05-2015 (uw referentie: 12345)".
  private func describe(_ party: SignalParty) -> String {
    let birth = party.childBirthDate
    let date = "\(pad(birth.day))-\(pad(birth.month))-\(birth.year)"
    let reference = party.reference.map { " (uw referentie: \($0))" } ?? ""
    return "\(party.childInitials), geboren \(date)\(reference)"
  }

  private func contactLines(for party: SignalParty) throws -> [String] {
    guard let professional = registry.professionals[party.professionalId] else {
      throw Missing.professional(party.professionalId)
    }
    guard let organisation = registry.organisations[party.organisationId] else {
      throw Missing.organisation(party.organisationId)
    }
    var lines = [
      "  \(professional.name), \(organisation.name)",
      "  E-mail: \(professional.email)  Telefoon: \(professional.phone)",
    ]
    if let coordinator = organisation.coordinator {
      lines.append("  Coördinator: \(coordinator.name), \(coordinator.email), \(coordinator.phone)")
    }
    return lines
  }

  private func pad(_ value: Int) -> String {
    value < 10 ? "0\(value)" : "\(value)"
  }
}
