import Contract
import Foundation
import PostgresNIO
import Registry
import SMTPClient
import TestTags
import Testing

@testable import Notifier

/// The queue and the sender against PostgreSQL and a real aiosmtpd: each e-mail once, retries that hold up no one,
/// failures recorded.
@Suite("Delivery queue and sender", .tags(.integration), .localStack, .serialized)
struct DeliveryTests {
  func withHarness(
    registry: [RegistryEvent], retry: RetryPolicy = Harness.retry,
    _ body: @Sendable @escaping (Harness, TestSMTPServer) async throws -> Void
  ) async throws {
    let server = try await TestSMTPServer()
    try await server.start()
    defer { server.remove() }
    try await NotifierDatabase.with { client in
      let harness = try await Harness(client: client, server: server, registryEvents: registry, retry: retry)
      do {
        try await body(harness, server)
      } catch {
        await harness.smtp.shutdown()
        throw error
      }
      await harness.smtp.shutdown()
    }
  }

  @Test func everyEmailGoesOnceAndARedeliveredEventSendsNothing() async throws {
    let fixtures = Fixtures()
    try await withHarness(registry: fixtures.registryEvents) { harness, server in
      let events = [fixtures.match(.child), fixtures.match(.family, number: 2), fixtures.expiry(.expired)]
      #expect(try await harness.enqueue(events) == 7)
      let backlog = try await harness.queue.backlog()
      #expect(backlog.pending == 7 && backlog.oldestAge >= 0)
      let steps = try await harness.drain()
      #expect(steps == Array(repeating: .handled, count: 7))
      let messages = try server.messages()
      #expect(messages.count == 7)
      #expect(
        messages.filter { $0.to == [fixtures.email(fixtures.anna)] }.map(\.subject).sorted() == [
          "Gezinsmatch in de Verwijsindex", "Match in de Verwijsindex",
          "Uw signaal in de Verwijsindex is afgelopen",
        ])
      #expect(messages.filter { $0.to == ["regie-\(fixtures.id)@amsterdam.test"] }.count == 2)
      #expect(messages.allSatisfy { !$0.body.contains(Fixtures.bsn) })
      let toBram = try #require(
        messages.first { $0.to == [fixtures.email(fixtures.bram)] && $0.subject.hasPrefix("Match") })
      #expect(toBram.body.contains("Anna de Vries") && toBram.body.contains(fixtures.email(fixtures.anna)))
      #expect(toBram.messageId.hasPrefix("<\(events[0].eventId.uuidString.lowercased()).") == true)
      // The family match as received: each sees the other professional, never the other child.
      let family = messages.filter { $0.subject == "Gezinsmatch in de Verwijsindex" }
      let familyToAnna = try #require(family.first { $0.to == [fixtures.email(fixtures.anna)] })
      let familyToBram = try #require(family.first { $0.to == [fixtures.email(fixtures.bram)] })
      #expect(familyToAnna.body.contains("Bram Bakker") && familyToAnna.body.contains("020-3334444"))
      #expect(familyToBram.body.contains("Anna de Vries") && familyToBram.body.contains("020-1112222"))
      for secret in ["L. Jansen", "30-09-2018", "ZUS-9"] { #expect(!familyToAnna.body.contains(secret)) }
      for secret in ["P.J. Jansen", "01-05-2015", "A-1"] { #expect(!familyToBram.body.contains(secret)) }
      let familyToOfficer = try #require(
        messages.first { $0.to == ["regie-\(fixtures.id)@amsterdam.test"] && $0.body.contains("gezinsmatch") })
      #expect(!familyToOfficer.body.contains("Jansen") && !familyToOfficer.body.contains("2018"))

      // The same events again (a redelivery): nothing new is queued or sent.
      #expect(try await harness.enqueue(events) == 0)
      #expect(try await harness.drain().isEmpty)
      #expect(try server.messages().count == 7)
      #expect(try await harness.queue.backlog() == (0, 0))
      let rows = try await NotifierDatabase.rows(harness.client, event: events[0].eventId)
      #expect(
        rows == [
          "follow-up/regie-\(fixtures.id)@amsterdam.test sent", "professional/\(fixtures.anna) sent",
          "professional/\(fixtures.bram) sent",
        ])
      // Sent rows keep no child data.
      let kept = try await harness.client.query("SELECT count(*)::int FROM deliveries WHERE notice IS NOT NULL")
      for try await count in kept.decode(Int.self) { #expect(count == 0) }
    }
  }

  @Test func aBusyMailboxIsRetriedWithoutHoldingUpOthers() async throws {
    let fixtures = Fixtures()
    let registry = fixtures.registryEvents(moving: fixtures.anna, to: "busy-\(fixtures.id)@example.test")
    let slow = RetryPolicy(initial: .seconds(1), maximum: .seconds(1), giveUpAfter: .seconds(600))
    try await withHarness(registry: registry, retry: slow) { harness, server in
      // Anna's expiry notice is due first; her mailbox answers 450 twice.
      try await harness.enqueue([fixtures.expiry(.expiryReminder)])
      try await harness.enqueue([fixtures.regie])
      for _ in 1...4 {
        #expect(try await harness.sender.sendNext() == .handled)
      }
      let early = try server.messages()
      // Bram and Carla got their e-mails while Anna's waits for her retry.
      #expect(Set(early.flatMap(\.to)) == [fixtures.email(fixtures.bram), fixtures.email(fixtures.carla)])
      let done = try await harness.send(until: { $0.values.allSatisfy { $0 == "sent" } })
      #expect(done)
      let toAnna = try server.messages().filter { $0.to == ["busy-\(fixtures.id)@example.test"] }
      #expect(toAnna.count == 2, "Anna's two e-mails arrive once each after the retries")
      let attempts = try await harness.client.query(
        "SELECT max(attempts)::int FROM deliveries WHERE recipient = \("professional/\(fixtures.anna)")")
      for try await count in attempts.decode(Int.self) { #expect(count >= 2) }
    }
  }

  @Test func aMailboxThatStaysBusyTooLongFailsForGood() async throws {
    let fixtures = Fixtures()
    let registry = fixtures.registryEvents(moving: fixtures.anna, to: "busy-\(fixtures.id)@example.test")
    let impatient = RetryPolicy(initial: .milliseconds(100), maximum: .milliseconds(100), giveUpAfter: .zero)
    try await withHarness(registry: registry, retry: impatient) { harness, server in
      let event = fixtures.expiry(.expired)
      try await harness.enqueue([event])
      #expect(try await harness.drain() == [.handled])
      #expect(
        try await NotifierDatabase.rows(harness.client, event: event.eventId) == [
          "professional/\(fixtures.anna) failed"
        ])
      var published: [NotificationFailure] = []
      _ = try await harness.queue.publishFailures(limit: 10) { published = $0 }
      #expect(published.first?.reason.contains("450") == true)
      #expect(try server.messages().isEmpty)
    }
  }

  @Test func anUnknownRecipientFailsForGoodAndIsRecordedForPublishing() async throws {
    let fixtures = Fixtures()
    let registry = fixtures.registryEvents(moving: fixtures.bram, to: "unknown-\(fixtures.id)@example.test")
    try await withHarness(registry: registry) { harness, server in
      let event = fixtures.match(.child)
      try await harness.enqueue([event])
      #expect(try await harness.drain().count == 3)
      #expect(try server.messages().count == 2)
      let rows = try await NotifierDatabase.rows(harness.client, event: event.eventId)
      #expect(rows.contains("professional/\(fixtures.bram) failed"))
      // The failure waits to be published; a failed publication leaves it waiting.
      struct BrokerDown: Error {}
      await #expect(throws: (any Error).self) {
        _ = try await harness.queue.publishFailures(limit: 10) { _ in throw BrokerDown() }
      }
      var published: [NotificationFailure] = []
      #expect(try await harness.queue.publishFailures(limit: 10) { published = $0 } == 1)
      let failure = try #require(published.first)
      #expect(failure.eventId == event.eventId && failure.recipient == "professional/\(fixtures.bram)")
      #expect(failure.kind == "match-child" && failure.reason.contains("550"))
      #expect(try await harness.queue.publishFailures(limit: 10) { _ in } == 0)
    }
  }

  @Test func aProfessionalNotInTheRegistryYetIsRetriedUntilTheRegistryHasThem() async throws {
    let fixtures = Fixtures()
    let withoutCarla = fixtures.registryEvents.filter { $0.id != fixtures.carla }
    try await withHarness(registry: withoutCarla) { harness, server in
      try await harness.enqueue([fixtures.regie])
      #expect(try await harness.drain().count >= 3)
      // Anna's and Bram's e-mails name Carla, who holds regie, and Carla's goes to her: all three wait.
      #expect(try server.messages().isEmpty)
      try await RegistryStore(client: harness.client, logger: NotifierDatabase.logger).save(fixtures.registryEvents)
      try await harness.registry.load()
      #expect(try await harness.send(until: { $0.values.allSatisfy { $0 == "sent" } }))
      #expect(try server.messages().count == 3)
    }
  }
}
