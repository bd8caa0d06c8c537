import Contract
import Foundation
import KafkaClient
import Registry

@testable import Notifier

/// A small registry and notice events about one child (and a sibling), for the tests.
struct Fixtures {
  /// A BSN that passes the elfproef; it must never appear in an e-mail.
  static let bsn = "111222333"

  let id = UUID().uuidString.prefix(6).lowercased()

  var anna: String { "anna-\(id)" }
  var bram: String { "bram-\(id)" }
  var carla: String { "carla-\(id)" }
  var school: String { "school-\(id)" }
  var jgz: String { "jgz-\(id)" }
  var care: String { "care-\(id)" }
  func email(_ professional: String) -> String { "\(professional)@example.test" }

  /// Anna (school, no coordinator), Bram (JGZ, coordinator Dirk), Carla (youth care); municipality 0363.
  var registry: RegistrySnapshot {
    var registry = RegistrySnapshot()
    for event in registryEvents { registry.apply(event) }
    return registry
  }

  var registryEvents: [RegistryEvent] {
    [
      RegistryEvent(
        Organisation(
          id: school, name: "Basisschool De Linde", type: "school", municipality: "0363", region: "amsterdam",
          publicKey: "", coordinator: nil, active: true)),
      RegistryEvent(
        Organisation(
          id: jgz, name: "JGZ Amsterdam", type: "jgz", municipality: "0363", region: "amsterdam", publicKey: "",
          coordinator: Contact(name: "Dirk Dekker", email: "dirk-\(id)@jgz.test", phone: "020-5556666"),
          active: true)),
      RegistryEvent(
        Organisation(
          id: care, name: "Jeugdzorg Noord", type: "jeugdhulp", municipality: "0599", region: "rotterdam",
          publicKey: "", coordinator: nil, active: true)),
      professional(anna), professional(bram), professional(carla),
      RegistryEvent(Municipality(code: "0363", name: "Amsterdam", followUpEmail: "regie-\(id)@amsterdam.test")),
      RegistryEvent(Municipality(code: "0599", name: "Rotterdam", followUpEmail: "regie-\(id)@rotterdam.test")),
    ]
  }

  /// Anna, Bram or Carla as the registry has them; with `address`, at that e-mail address instead of their own.
  func professional(_ professional: String, address: String? = nil) -> RegistryEvent {
    let (organisation, name, phone) =
      switch professional {
      case anna: (school, "Anna de Vries", "020-1112222")
      case bram: (jgz, "Bram Bakker", "020-3334444")
      default: (care, "Carla Cohen", "010-7778888")
      }
    return RegistryEvent(
      Professional(
        id: professional, organisationId: organisation, name: name, email: address ?? email(professional),
        phone: phone, active: true))
  }

  /// ``registryEvents``, then `professional` moving to `address`: for addresses the test server treats specially.
  func registryEvents(moving professional: String, to address: String) -> [RegistryEvent] {
    registryEvents + [self.professional(professional, address: address)]
  }

  /// Anna's signal on P.J. Jansen (her reference holds a BSN by mistake).
  var annaSignal: SignalParty {
    SignalParty(
      signalId: StableID.make("signal", anna), organisationId: school, professionalId: anna,
      reference: "A-1 \(Self.bsn)", childInitials: "P.J. Jansen", childBirthDate: CalendarDate("2015-05-01")!)
  }

  /// Bram's signal: on the same child in a child match, on the sibling L. Jansen in a family match.
  func bramSignal(sibling: Bool = false) -> SignalParty {
    SignalParty(
      signalId: StableID.make("signal", bram, "\(sibling)"), organisationId: jgz, professionalId: bram,
      reference: sibling ? "ZUS-9" : "B-7", childInitials: sibling ? "L. Jansen" : "P. Jansen",
      childBirthDate: sibling ? CalendarDate("2018-09-30")! : CalendarDate("2015-05-01")!)
  }

  var carlaSignal: SignalParty {
    SignalParty(
      signalId: StableID.make("signal", carla), organisationId: care, professionalId: carla, reference: nil,
      childInitials: "P.J. Jansen", childBirthDate: CalendarDate("2015-05-01")!)
  }

  func match(_ kind: MatchNotice.Kind = .child, codes: [String] = ["0363"], number: Int = 1) -> NoticeEvent {
    let parties = [annaSignal, bramSignal(sibling: kind != .child)]
    return NoticeEvent(
      eventId: StableID.make("match", id, "\(kind)", "\(number)"), occurredAt: Date(),
      content: .match(
        MatchNotice(
          matchId: StableID.make("m", id, "\(number)"), kind: kind, parties: parties,
          regie: RegieHolder(organisationId: jgz, professionalId: bram), municipalityCodes: codes)))
  }

  var historical: NoticeEvent {
    NoticeEvent(
      eventId: StableID.make("historical", id), occurredAt: Date(),
      content: .historical(
        HistoricalNotice(
          recipient: annaSignal,
          archived: [
            ArchivedInvolvement(
              signalId: StableID.make("old", id), organisationId: care, professionalId: carla,
              registeredOn: CalendarDate("2020-02-03")!, archivedOn: CalendarDate("2022-02-03")!)
          ])))
  }

  var regie: NoticeEvent {
    NoticeEvent(
      eventId: StableID.make("regie", id), occurredAt: Date(),
      content: .regie(
        RegieNotice(
          recipients: [annaSignal, bramSignal(), carlaSignal],
          holder: RegieHolder(organisationId: care, professionalId: carla))))
  }

  func expiry(_ type: NoticeEvent.EventType) -> NoticeEvent {
    let notice = ExpiryNotice(recipient: annaSignal, endsOn: CalendarDate("2027-05-01")!)
    return NoticeEvent(
      eventId: StableID.make("expiry", id, type.rawValue), occurredAt: Date(),
      content: type == .expired ? .expired(notice) : .expiryReminder(notice))
  }
}
