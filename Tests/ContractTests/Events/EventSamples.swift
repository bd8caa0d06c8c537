import Contract
import Foundation

/// One event of every kind, with every optional field both set and absent somewhere, as `Samples/<name>.json`
/// holds it. The files were written by the encoder of the type-tag-plus-optional-payload events, before the events
/// became enums; they are the wire format that records already on the topics have.
enum EventSamples {
  static let at = Date(timeIntervalSince1970: 1_780_000_000)
  static let child = Pseudonym(value: "c0ffee01")
  static let previousChild = Pseudonym(value: "c0ffee00")
  static let signalId = UUID(uuidString: "11111111-2222-4333-8444-555555555555")!
  static let otherSignalId = UUID(uuidString: "66666666-7777-4888-9999-aaaaaaaaaaaa")!
  static let eventId = UUID(uuidString: "0e0e0e0e-0000-4000-8000-000000000001")!

  static func date(_ text: String) -> CalendarDate { CalendarDate(text)! }

  static let rekeying = Rekeying(
    child: previousChild,
    parents: [Pseudonym(value: "pa00"): Pseudonym(value: "pa01"), Pseudonym(value: "pb00"): Pseudonym(value: "pb01")])

  static let party = SignalParty(
    signalId: signalId, organisationId: "org-1", professionalId: "pro-1", reference: "client 42",
    childInitials: "P.J. Jansen", childBirthDate: date("2015-06-30"))
  static let otherParty = SignalParty(
    signalId: otherSignalId, organisationId: "org-2", professionalId: "pro-2", reference: nil,
    childInitials: "P. Jansen", childBirthDate: date("2015-06-30"))
  static let holder = RegieHolder(organisationId: "org-1", professionalId: "pro-1")
}

extension EventSamples {
  /// The signal events, by sample name.
  static let signals: [String: SignalEvent] = [
    "signal.registered": SignalEvent(
      eventId: eventId, occurredAt: at, childPseudonym: child,
      change: .registered(
        SignalRegistration(
          signalId: signalId, organisationId: "org-1", professionalId: "pro-1", reference: "client 42/a",
          informed: .parentsAndChild,
          child: ChildRecord(
            initials: "P.J. Jansen", birthDate: date("2015-06-30"), gender: "M",
            parentPseudonyms: [Pseudonym(value: "pa01"), Pseudonym(value: "pb01")],
            addressPseudonym: Pseudonym(value: "ad01")),
          registeredAt: at, endsOn: date("2028-05-28"))),
      rekeying: rekeying),
    "signal.registered-minimal": SignalEvent(
      eventId: eventId, occurredAt: at, childPseudonym: child,
      change: .registered(
        SignalRegistration(
          signalId: signalId, organisationId: "org-1", professionalId: "pro-1", reference: nil, informed: .withheld,
          child: ChildRecord(initials: "Q. de Vries", birthDate: date("2020-02-29"), gender: "O", parentPseudonyms: []),
          registeredAt: at, endsOn: date("2028-05-28")))),
    "signal.ended": SignalEvent(
      eventId: eventId, occurredAt: at, childPseudonym: child,
      change: .ended(SignalEnding(organisationId: "org-1", professionalId: "pro-1", reason: .riskEnded)),
      rekeying: rekeying),
    "signal.ended-unjustified": SignalEvent(
      eventId: eventId, occurredAt: at, childPseudonym: child,
      change: .ended(SignalEnding(organisationId: "org-1", professionalId: "pro-1", reason: .unjustified))),
    "signal.expired": SignalEvent(
      eventId: eventId, occurredAt: at, childPseudonym: child,
      change: .expired(SignalExpiry(signalId: signalId, asOf: date("2028-05-29")))),
    "signal.expiryReminder": SignalEvent(
      eventId: eventId, occurredAt: at, childPseudonym: child,
      change: .expiryReminder(SignalReminder(signalId: signalId, endsOn: date("2028-05-28")))),
    "signal.purged": SignalEvent(
      eventId: eventId, occurredAt: at, childPseudonym: child,
      change: .purged(SignalPurge(signalId: signalId, archivedOn: date("2023-05-28")))),
    "child.erased": SignalEvent(
      eventId: eventId, occurredAt: at, childPseudonym: child, change: .childErased(ChildErasure(reason: .turned23))),
    "child.erased-objection": SignalEvent(
      eventId: eventId, occurredAt: at, childPseudonym: child, change: .childErased(ChildErasure(reason: .objection)),
      rekeying: rekeying),
    "child.corrected": SignalEvent(
      eventId: eventId, occurredAt: at, childPseudonym: child,
      change: .childCorrected(
        ChildCorrection(initials: "P.J. Jansen-Bakker", birthDate: date("2015-07-01"), gender: "V")),
      rekeying: rekeying),
  ]

  /// The notice events, by sample name.
  static let notices: [String: NoticeEvent] = [
    "notice.match": NoticeEvent(
      eventId: eventId, occurredAt: at,
      content: .match(
        MatchNotice(
          matchId: otherSignalId, kind: .family, parties: [party, otherParty], regie: holder,
          municipalityCodes: ["0344", "0363"]))),
    "notice.historical": NoticeEvent(
      eventId: eventId, occurredAt: at,
      content: .historical(
        HistoricalNotice(
          recipient: party,
          archived: [
            ArchivedInvolvement(
              signalId: otherSignalId, organisationId: "org-2", professionalId: "pro-2",
              registeredOn: date("2021-01-04"), archivedOn: date("2022-03-15"))
          ]))),
    "notice.regie": NoticeEvent(
      eventId: eventId, occurredAt: at, content: .regie(RegieNotice(recipients: [party, otherParty], holder: holder))),
    "notice.expiryReminder": NoticeEvent(
      eventId: eventId, occurredAt: at,
      content: .expiryReminder(ExpiryNotice(recipient: party, endsOn: date("2028-05-28")))),
    "notice.expired": NoticeEvent(
      eventId: eventId, occurredAt: at,
      content: .expired(ExpiryNotice(recipient: otherParty, endsOn: date("2028-05-28")))),
    "notice.withdrawn": NoticeEvent(
      eventId: eventId, occurredAt: at, content: .withdrawn(WithdrawalNotice(signalIds: [signalId, otherSignalId]))),
  ]

  /// The folder of the sample files.
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Samples")

  /// The bytes of sample `name`.
  static func bytes(_ name: String) throws -> [UInt8] {
    Array(try Data(contentsOf: folder.appendingPathComponent("\(name).json")))
  }
}
