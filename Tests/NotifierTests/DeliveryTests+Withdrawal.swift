import Contract
import Foundation
import PostgresNIO
import Testing

@testable import Notifier

/// Withdrawn signals: e-mails that name a deleted signal do not go out, whether they were queued before the
/// withdrawal arrived or arrive after it.
extension DeliveryTests {
  private func withdrawal(_ signals: [SignalParty]) -> NoticeEvent {
    let ids = signals.map(\.signalId)
    return NoticeEvent(
      eventId: StableID.make("withdrawal", ids.map(\.uuidString).joined(separator: ",")), occurredAt: Date(),
      content: .withdrawn(WithdrawalNotice(signalIds: ids)))
  }

  @Test func aWithdrawalDropsTheQueuedEmailsThatNameItsSignals() async throws {
    let fixtures = Fixtures()
    try await withHarness(registry: fixtures.registryEvents) { harness, server in
      let child = fixtures.match(.child)
      let family = fixtures.match(.family, number: 2)
      #expect(try await harness.enqueue([child, family, fixtures.historical]) == 7)
      // Bram's signal on the sibling was deleted: the family match (both professionals and the follow-up officer)
      // is not sent; the child match and Anna's historical notice are.
      let (queued, withdrawn) = try await harness.queue.enqueue([
        (withdrawal([fixtures.bramSignal(sibling: true)]), [])
      ])
      #expect(queued == 0 && withdrawn == 3)
      let steps = try await harness.drain()
      #expect(steps.count == 4)
      let messages = try server.messages()
      #expect(messages.count == 4 && !messages.contains { $0.subject.hasPrefix("Gezinsmatch") })
      #expect(
        try await NotifierDatabase.rows(harness.client, event: family.eventId) == [
          "follow-up/regie-\(fixtures.id)@amsterdam.test withdrawn", "professional/\(fixtures.anna) withdrawn",
          "professional/\(fixtures.bram) withdrawn",
        ])
      // Finished rows, withdrawn ones included, keep neither the notice nor the signals it named.
      let kept = try await harness.client.query(
        "SELECT count(*)::int FROM deliveries WHERE notice IS NOT NULL OR signal_ids <> '{}'")
      for try await count in kept.decode(Int.self) { #expect(count == 0) }
      // A redelivered withdrawal changes nothing.
      #expect(try await harness.queue.enqueue([(withdrawal([fixtures.bramSignal(sibling: true)]), [])]) == (0, 0))
    }
  }

  @Test func aNoticeThatArrivesAfterTheWithdrawalOfItsSignalQueuesNothing() async throws {
    let fixtures = Fixtures()
    try await withHarness(registry: fixtures.registryEvents) { harness, server in
      // The withdrawal and the match in one batch, withdrawal last: the match is not queued.
      let planner = RecipientPlanner(registry: harness.registry.current, logger: NotifierDatabase.logger)
      let child = fixtures.match(.child)
      let result = try await harness.queue.enqueue([
        (child, planner.plan(child)), (withdrawal([fixtures.bramSignal()]), []),
      ])
      #expect(result == (0, 0))
      // Later batches: notices naming the withdrawn signal queue nothing; others do.
      #expect(try await harness.enqueue([fixtures.regie]) == 0)
      #expect(try await harness.enqueue([fixtures.match(.family, number: 2)]) == 3)
      #expect(try await harness.drain().count == 3)
      #expect(try server.messages().count == 3)

      // A withdrawal is remembered for a month, then forgotten.
      #expect(try await harness.queue.forgetOldWithdrawals() == 0)
      try await harness.client.query(
        "UPDATE withdrawn_signals SET withdrawn_at = now() - interval '31 days'", logger: NotifierDatabase.logger)
      #expect(try await harness.queue.forgetOldWithdrawals() == 1)
      #expect(try await harness.enqueue([fixtures.match(.child, number: 3)]) == 3)
    }
  }
}
