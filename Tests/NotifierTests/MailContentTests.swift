import Contract
import Foundation
import KafkaClient
import Registry
import TestTags
import Testing

@testable import Notifier

/// What each e-mail says, and what it must never say.
@Suite("E-mail content", .tags(.unit))
struct MailContentTests {
  let fixtures = Fixtures()
  var composing: Composing { Composing(registry: fixtures.registry) }

  @Test func childMatchGoesToBothProfessionalsAndTheFollowUpOfficerEachNamingTheOthers() throws {
    let mails = try composing.mails(fixtures.match(.child))
    #expect(
      Set(mails.keys) == [
        "professional/\(fixtures.anna)", "professional/\(fixtures.bram)",
        "follow-up/regie-\(fixtures.id)@amsterdam.test",
      ])
    let toAnna = try #require(mails["professional/\(fixtures.anna)"])
    #expect(toAnna.recipientEmail == fixtures.email(fixtures.anna))
    #expect(toAnna.subject == "Match in de Verwijsindex")
    for detail in [
      "Beste Anna de Vries", "P.J. Jansen, geboren 01-05-2015", "A-1", "Bram Bakker", "JGZ Amsterdam",
      fixtures.email(fixtures.bram), "020-3334444", "Dirk Dekker", "dirk-\(fixtures.id)@jgz.test", "020-5556666",
      "De regie ligt bij",
    ] {
      #expect(toAnna.body.contains(detail), "Anna's e-mail lacks \(detail):\n\(toAnna.body)")
    }
    #expect(!toAnna.body.contains("Anna de Vries, Basisschool"), "Anna is listed as a contact in her own e-mail")
    let toBram = try #require(mails["professional/\(fixtures.bram)"])
    for detail in [
      "Anna de Vries", "Basisschool De Linde", fixtures.email(fixtures.anna), "020-1112222",
      "P. Jansen, geboren 01-05-2015 (uw referentie: B-7)", "U heeft de regie",
    ] {
      #expect(toBram.body.contains(detail), "Bram's e-mail lacks \(detail):\n\(toBram.body)")
    }
    #expect(!toBram.body.contains("A-1"), "Bram's e-mail shows Anna's own reference")
  }

  @Test func noMailEverContainsTheBSN() throws {
    let events = [
      fixtures.match(.child), fixtures.match(.family), fixtures.match(.address), fixtures.historical, fixtures.regie,
      fixtures.expiry(.expiryReminder), fixtures.expiry(.expired),
    ]
    var count = 0
    for event in events {
      for (recipient, mail) in try composing.mails(event) {
        count += 1
        #expect(!mail.body.contains(Fixtures.bsn) && !mail.subject.contains(Fixtures.bsn), "\(recipient)")
      }
    }
    #expect(count == 15)
    let toAnna = try #require(try composing.mails(fixtures.match(.child))["professional/\(fixtures.anna)"])
    #expect(toAnna.body.contains("(uw referentie: A-1 *********)"))
  }

  @Test(arguments: [MatchNotice.Kind.family, .address])
  func familyAndAddressMatchesNeverShowTheOtherChild(kind: MatchNotice.Kind) throws {
    let mails = try composing.mails(fixtures.match(kind))
    let toAnna = try #require(mails["professional/\(fixtures.anna)"])
    let toBram = try #require(mails["professional/\(fixtures.bram)"])
    let sibling = fixtures.bramSignal(sibling: true)
    // Anna learns Bram's details, nothing of the sibling.
    #expect(toAnna.body.contains("Bram Bakker") && toAnna.body.contains(fixtures.email(fixtures.bram)))
    for secret in [sibling.childInitials, "30-09-2018", "2018", sibling.reference!] {
      #expect(!toAnna.body.contains(secret), "Anna's e-mail names the sibling (\(secret))")
    }
    // Bram sees his own child, never Anna's.
    #expect(toBram.body.contains("L. Jansen, geboren 30-09-2018 (uw referentie: ZUS-9)"))
    for secret in ["P.J. Jansen", "01-05-2015", "A-1"] {
      #expect(!toBram.body.contains(secret), "Bram's e-mail names the other child (\(secret))")
    }
    #expect(toAnna.subject == (kind == .family ? "Gezinsmatch in de Verwijsindex" : "Adresmatch in de Verwijsindex"))
    // The follow-up officer gets no child data at all.
    let officer = try #require(mails["follow-up/regie-\(fixtures.id)@amsterdam.test"])
    for secret in ["Jansen", "2015", "2018", "A-1", "ZUS-9"] {
      #expect(!officer.body.contains(secret), "the follow-up notice contains child data (\(secret))")
    }
    #expect(officer.body.contains("Anna de Vries") && officer.body.contains("Bram Bakker"))
  }

  @Test func followUpOfficerOfAChildMatchGetsTheProfessionalsTheKindAndTheChild() throws {
    let mails = try composing.mails(fixtures.match(.child, codes: ["0363", "0599", "9999"]))
    let amsterdam = try #require(mails["follow-up/regie-\(fixtures.id)@amsterdam.test"])
    #expect(mails["follow-up/regie-\(fixtures.id)@rotterdam.test"] != nil)
    #expect(mails.count == 4, "one e-mail per known municipality; 9999 is not in the registry")
    #expect(amsterdam.recipientName == nil)
    for detail in [
      "Amsterdam", "match op één jongere", "P.J. Jansen, geboren 01-05-2015", "Anna de Vries",
      "Basisschool De Linde", "Bram Bakker", "JGZ Amsterdam", "Dirk Dekker", "Kenmerk van de match",
    ] {
      #expect(amsterdam.body.contains(detail), "the follow-up notice lacks \(detail):\n\(amsterdam.body)")
    }
    #expect(!amsterdam.body.contains("A-1") && !amsterdam.body.contains("B-7"), "a professional's own reference")
  }

  @Test func oneFollowUpNoticePerDistinctAddress() throws {
    var registry = fixtures.registry
    registry.apply(
      RegistryEvent(Municipality(code: "0599", name: "Rotterdam", followUpEmail: "REGIE-\(fixtures.id)@amsterdam.test"))
    )
    let mails = try Composing(registry: registry).mails(fixtures.match(.child, codes: ["0363", "0599"]))
    let officer = try #require(mails["follow-up/regie-\(fixtures.id)@amsterdam.test"])
    #expect(mails.count == 3)
    #expect(officer.body.contains("Amsterdam, Rotterdam"))
  }

  @Test func historicalRegieAndExpiryNotices() throws {
    let historical = try #require(try composing.mails(fixtures.historical)["professional/\(fixtures.anna)"])
    #expect(historical.subject == "Eerdere betrokkenheid in de Verwijsindex")
    for detail in [
      "Carla Cohen", "Jeugdzorg Noord", fixtures.email(fixtures.carla), "010-7778888",
      "van 03-02-2020 tot 03-02-2022", "P.J. Jansen",
    ] {
      #expect(historical.body.contains(detail), "historical notice lacks \(detail):\n\(historical.body)")
    }

    let regie = try composing.mails(fixtures.regie)
    #expect(regie.count == 3)
    let toAnna = try #require(regie["professional/\(fixtures.anna)"])
    #expect(toAnna.body.contains("De regie ligt bij") && toAnna.body.contains("Carla Cohen"))
    #expect(toAnna.body.contains("Jeugdzorg Noord") && toAnna.body.contains("010-7778888"))
    #expect(try #require(regie["professional/\(fixtures.carla)"]).body.contains("U heeft de regie"))

    let reminder = try #require(try composing.mails(fixtures.expiry(.expiryReminder))["professional/\(fixtures.anna)"])
    #expect(reminder.body.contains("loopt af op 01-05-2027") && reminder.body.contains("P.J. Jansen"))
    let expired = try #require(try composing.mails(fixtures.expiry(.expired))["professional/\(fixtures.anna)"])
    #expect(expired.body.contains("01-05-2027") && expired.body.contains("opnieuw een signaal"))
  }

  @Test func detailsComeFromTheRegistryAtSendingTime() throws {
    var registry = fixtures.registry
    registry.apply(
      RegistryEvent(
        Professional(
          id: fixtures.bram, organisationId: fixtures.jgz, name: "Bram Bakker", email: "bram.nieuw@jgz.test",
          phone: "06-12345678", active: true)))
    let toAnna = try #require(
      try Composing(registry: registry).mails(fixtures.match())["professional/\(fixtures.anna)"])
    #expect(toAnna.body.contains("bram.nieuw@jgz.test") && toAnna.body.contains("06-12345678"))
    #expect(!toAnna.body.contains(fixtures.email(fixtures.bram)))
  }

  @Test func aProfessionalNotInTheRegistryYetIsTransient() throws {
    let registry = RegistrySnapshot()
    let event = fixtures.match()
    let delivery = PendingDelivery(
      eventId: event.eventId, recipientKey: "professional/\(fixtures.anna)", recipient: .professional(fixtures.anna),
      kindName: "match-child", kind: .matchChild, notice: event, attempts: 0, enqueuedAt: Date())
    #expect(throws: ComposeProblem.notInRegistry("professional '\(fixtures.anna)'")) {
      try MailComposer(templates: Composing.templates).compose(delivery, registry: registry)
    }
  }
}
