import Foundation
import Testing

@testable import Notifier

/// A message refused after its data must not fail the next, innocent one on the same connection.
extension DeliveryTests {
  @Test func anEmailRefusedAfterItsDataDoesNotFailTheNextOne() async throws {
    let fixtures = Fixtures()
    let registry = fixtures.registryEvents(moving: fixtures.bram, to: "refused-\(fixtures.id)@example.test")
    try await withHarness(registry: registry) { harness, server in
      // Six matches between Bram, whose e-mails the server refuses, and Anna; each also tells the follow-up officer.
      try await harness.enqueue((1...6).map { fixtures.match(.child, number: $0) })
      let done = try await harness.send(until: { statuses in
        statuses.count == 18 && statuses.values.allSatisfy { $0 == "sent" || $0 == "failed" }
      })
      #expect(done, "e-mails were still pending")
      let statuses = try await harness.statuses()
      let failed = statuses.filter { $0.value == "failed" }.keys
      #expect(failed.count == 6 && failed.allSatisfy { $0.hasSuffix("professional/\(fixtures.bram)") })
      let messages = try server.messages()
      #expect(messages.filter { $0.to == [fixtures.email(fixtures.anna)] }.count == 6, "Anna missed e-mails")
      #expect(messages.filter { $0.to == ["regie-\(fixtures.id)@amsterdam.test"] }.count == 6)
    }
  }
}
