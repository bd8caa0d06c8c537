import Contract
import Foundation
import KafkaClient

/// Signal events as SignalIntake and the Matcher's admin API make them, stamped at noon of a given day.
enum TestEvents {
  static func register(
    _ signalId: UUID, child: String, birthDate: CalendarDate, professional: String, on day: CalendarDate,
    endsOn: CalendarDate? = nil
  ) -> SignalEvent {
    SignalEvent(
      occurredAt: day.noon, childPseudonym: Pseudonym(value: child),
      change: .registered(
        SignalRegistration(
          signalId: signalId, organisationId: "org-\(professional)", professionalId: professional, reference: nil,
          informed: .parents,
          child: ChildRecord(initials: "K. Kind", birthDate: birthDate, gender: "O", parentPseudonyms: []),
          registeredAt: day.noon, endsOn: endsOn ?? day.adding(years: 2))))
  }

  static func end(child: String, professional: String, reason: EndReason, on day: CalendarDate) -> SignalEvent {
    SignalEvent(
      occurredAt: day.noon, childPseudonym: Pseudonym(value: child),
      change: .ended(SignalEnding(organisationId: "org-\(professional)", professionalId: professional, reason: reason)))
  }

  static func correct(child: String, birthDate: CalendarDate, on day: CalendarDate) -> SignalEvent {
    SignalEvent(
      occurredAt: day.noon, childPseudonym: Pseudonym(value: child),
      change: .childCorrected(ChildCorrection(initials: "K. Kind", birthDate: birthDate, gender: "O")))
  }

  static func erase(child: String, reason: ChildErasure.Reason, on day: CalendarDate) -> SignalEvent {
    SignalEvent(
      occurredAt: day.noon, childPseudonym: Pseudonym(value: child), change: .childErased(ChildErasure(reason: reason)))
  }
}
