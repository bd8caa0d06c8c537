import Contract
import Logging
import Registry

/// Decides who gets which e-mail for a notice event.
///
/// - `notice.match`: each party's professional (the kind's e-mail), and one follow-up notice per distinct
///   follow-up officer address of the municipalities in `municipalityCodes`. A code the registry does not know yet
///   is skipped with a warning (the Matcher took the codes from the same registry, so this means replication lag or
///   a municipality without an entry).
/// - `notice.historical`, `notice.expiryReminder`, `notice.expired`: the signal's professional.
/// - `notice.regie`: each listed professional.
/// - `notice.withdrawn`: nobody; ``DeliveryQueue`` withdraws the queued e-mails that name its signals.
struct RecipientPlanner: Sendable {
  let registry: RegistrySnapshot
  let logger: Logger

  /// The e-mails `event` asks for, each recipient once.
  func plan(_ event: NoticeEvent) -> [PlannedDelivery] {
    var planned: [PlannedDelivery] = []
    switch event.content {
    case .match(let match):
      let kind = MailKind(match: match.kind)
      planned = match.parties.map { PlannedDelivery(recipient: .professional($0.professionalId), kind: kind) }
      planned += followUpOfficers(of: match, eventId: "\(event.eventId)").map {
        PlannedDelivery(recipient: $0, kind: .followUp)
      }
    case .historical(let historical):
      planned = [PlannedDelivery(recipient: .professional(historical.recipient.professionalId), kind: .historical)]
    case .regie(let regie):
      planned = regie.recipients.map { PlannedDelivery(recipient: .professional($0.professionalId), kind: .regie) }
    case .expiryReminder(let expiry):
      planned = [PlannedDelivery(recipient: .professional(expiry.recipient.professionalId), kind: .expiryReminder)]
    case .expired(let expiry):
      planned = [PlannedDelivery(recipient: .professional(expiry.recipient.professionalId), kind: .expired)]
    case .withdrawn:
      break
    }
    var seen = Set<Recipient>()
    return planned.filter { seen.insert($0.recipient).inserted }
  }

  private func followUpOfficers(of match: MatchNotice, eventId: String) -> [Recipient] {
    var officers: [Recipient] = []
    for code in match.municipalityCodes {
      guard let municipality = registry.municipalities[code] else {
        logger.warning(
          "No follow-up notice: the municipality is not in the registry",
          metadata: ["notice.event": "\(eventId)", "municipality": "\(code)"])
        continue
      }
      officers.append(.followUpOfficer(email: municipality.followUpEmail))
    }
    return officers
  }
}
