import Foundation
import Shared

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
