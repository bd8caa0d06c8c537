import Contract
import Foundation
import Rules

extension ChildInspection {
  /// The copy (*afschrift*): the inspection as a printable document in Dutch, plain text with lines of at most
  /// about 100 characters, for the administrator to print or send to the child or parents.
  var document: String {
    var lines: [String] = [
      "AFSCHRIFT VAN DE GEGEVENS IN DE VERWIJSINDEX",
      "",
      "Opgemaakt op \(Self.instant(inspectedAt)) door de regiobeheerder.",
      "Dit afschrift bevat alles wat de verwijsindex over het kind bewaart: de signalen, de matches, de",
      "historische betrokkenheid die is getoond, en het logboek. De verwijsindex bewaart nooit een reden.",
      "",
    ]
    lines += childSection + signalSection + matchSection + noticeSection + logSection
    return lines.joined(separator: "\n") + "\n"
  }

  private var childSection: [String] {
    var lines = ["1. GEGEVENS VAN HET KIND", ""]
    guard let child else {
      return lines + ["   Er is geen kindgegeven bewaard.", ""]
    }
    lines += [
      "   Naam (voorletters en achternaam): \(child.initials)",
      "   Geboortedatum:                    \(Self.day(child.birthDate))",
      "   Geslacht:                         \(Self.gender(child.gender))",
      "   Gemeente:                         \(child.municipalityName ?? child.municipality)",
      "   Eerste signaal:                   \(Self.instant(child.firstSignalledAt))",
    ]
    if let corrected = child.correctedAt {
      lines.append("   Gecorrigeerd op:                  \(Self.instant(corrected))")
    }
    lines.append("   Ouders bekend:                    \(child.parentsKnown) (alleen als versleuteld kenmerk)")
    lines.append(
      "   Adres bekend:                     \(child.addressKnown ? "ja (alleen als versleuteld kenmerk)" : "nee")")
    if let regie {
      lines.append("   Regie:                            \(Self.party(regie))")
    }
    return lines + [""]
  }

  private var signalSection: [String] {
    var lines = ["2. SIGNALEN", ""]
    if signals.isEmpty { lines.append("   Er zijn geen signalen bewaard.") }
    for (index, signal) in signals.enumerated() {
      lines += [
        "   \(index + 1). \(Self.party(signal.by))",
        "      Afgegeven op:   \(Self.instant(signal.registeredAt))",
        "      Status:         \(Self.status(signal))",
        "      Loopt tot:      \(Self.day(signal.endsOn))",
        "      Geïnformeerd:   \(Self.informed(signal.informed))",
      ]
      if let reference = signal.reference {
        lines.append("      Kenmerk van de organisatie: \(reference)")
      }
    }
    return lines + [""]
  }

  private var matchSection: [String] {
    var lines = ["3. MATCHES", ""]
    if matches.isEmpty { lines.append("   Er zijn geen matches bewaard.") }
    for (index, match) in matches.enumerated() {
      let parties = match.parties.map { party in
        party.by.map(Self.party)
          ?? (match.kind == .address ? "een ander kind op hetzelfde adres" : "een ander kind uit het gezin")
      }
      lines += [
        "   \(index + 1). \(Self.kind(match.kind)) sinds \(Self.instant(match.since))"
          + (match.endedAt.map { ", beëindigd op \(Self.instant($0))" } ?? ""),
        "      Tussen: \(parties.joined(separator: " en "))",
      ]
      if let regie = match.regie {
        lines.append("      Regie: \(Self.party(regie))")
      }
    }
    return lines + [""]
  }

  private var noticeSection: [String] {
    var lines = ["4. GETOONDE HISTORISCHE BETROKKENHEID", ""]
    if historicalNotices.isEmpty { lines.append("   Geen.") }
    for notice in historicalNotices {
      lines.append(
        "   Op \(Self.instant(notice.shownAt)) getoond aan \(notice.shownTo.name ?? notice.shownTo.id)")
    }
    return lines + [""]
  }

  private var logSection: [String] {
    var lines = ["5. LOGBOEK", ""]
    if logBook.isEmpty { lines.append("   Geen regels.") }
    for entry in logBook {
      lines.append("   \(Self.instant(entry.at))  \(entry.actor)  \(entry.action)")
    }
    return lines
  }

  private static func party(_ party: InspectedParty) -> String {
    let organisation = party.organisation.name ?? party.organisation.id
    return "\(party.professional.name ?? party.professional.id), \(organisation)"
  }

  private static func status(_ signal: InspectedSignal) -> String {
    guard signal.status == .archived else { return "actief" }
    let reason =
      switch signal.archiveReason {
      case .riskEnded: "zorg beëindigd"
      case .expired: "termijn verlopen"
      case nil: "beëindigd"
      }
    return "gearchiveerd (\(reason))" + (signal.archivedAt.map { " op \(instant($0))" } ?? "")
  }

  private static func kind(_ kind: MatchKind) -> String {
    switch kind {
    case .child: "Match op het kind"
    case .family: "Gezinsmatch"
    case .address: "Adresmatch"
    }
  }

  private static func gender(_ gender: String) -> String {
    switch gender {
    case "M": "man"
    case "V": "vrouw"
    default: "overig"
    }
  }

  private static func informed(_ informed: Informed) -> String {
    switch informed {
    case .parents: "de ouders"
    case .child: "de jongere"
    case .parentsAndChild: "de ouders en de jongere"
    case .withheld: "niet, in het belang van de jongere"
    }
  }

  /// `15-06-2026`.
  private static func day(_ date: CalendarDate) -> String {
    String(format: "%02d-%02d-%04d", date.day, date.month, date.year)
  }

  /// `15-06-2026 12:00` in Europe/Amsterdam.
  private static func instant(_ date: Date) -> String {
    let parts = CalendarDate.amsterdam.dateComponents([.year, .month, .day, .hour, .minute], from: date)
    return String(
      format: "%02d-%02d-%04d %02d:%02d", parts.day!, parts.month!, parts.year!, parts.hour!, parts.minute!)
  }
}
