import Contract
import Foundation
import PostgresNIO
import TestSupport
import TestTags
import Testing

/// Three Matcher processes share one consumer group on a signals topic of three partitions. The first one started,
/// which holds the outbox relay, is killed with SIGKILL while they work and started again. Every expected match
/// must be published exactly once.
@Suite("Matcher scale-out", .tags(.system), .localStack, .serialized)
struct MatcherScaleOutTests {
  static let signals = 50_000

  @Test("three Matchers, one killed mid-way and restarted: each expected match is published exactly once")
  func scaleOut() async throws {
    let system = try LocalSystem()
    let population = ScaleOutPopulation(signals: Self.signals)
    var extra: [ServiceProcess] = []
    do {
      try await system.start(["Matcher"])
      for _ in 0..<2 {
        extra.append(try await system.startInstance("Matcher"))
      }
      try await TestProducer.send(population.messages(topic: system.topics["VI_TOPIC_SIGNALS"]!))
      // Kill the first instance (it relays the outbox) once about a third of the signals are stored; start it again.
      let third = await eventually(timeout: .seconds(240)) {
        try? await system.storedSignals() >= Self.signals / 3 ? true : nil
      }
      let first = try #require(system.processes["Matcher"])
      try #require(third != nil, "the Matchers stored too few signals:\n\(first.tail)")
      await first.killHard()
      extra.append(try await system.startInstance("Matcher"))
      let all = await eventually(timeout: .seconds(600)) {
        try? await system.outboxDrained(signals: Self.signals) ? true : nil
      }
      try #require(all != nil, "the Matchers did not finish:\n\(extra[2].tail)")
      let expected = population.expectedMatches
      let records = try await TopicReader.read(
        [system.topics["VI_TOPIC_MATCHES"]!], timeout: .seconds(120), settle: .seconds(5)
      ) { $0.count >= expected.count }
      var published: [UUID: Int] = [:]
      for record in records {
        let notice = try EventCoding.decode(NoticeEvent.self, from: record.value)
        if let match = notice.match { published[match.matchId, default: 0] += 1 }
      }
      let missing = expected.filter { published[$0] == nil }.count
      let unexpected = published.keys.filter { !expected.contains($0) }.count
      let twice = published.values.filter { $0 > 1 }.count
      #expect(expected.count > 20_000, "the population should make many matches")
      #expect(
        missing == 0 && unexpected == 0 && twice == 0,
        "\(expected.count) matches expected: \(missing) missing, \(unexpected) unexpected, \(twice) published twice")
    } catch {
      for process in extra { await process.stop() }
      await system.stop()
      throw error
    }
    for process in extra { await process.stop() }
    await system.stop()
  }
}
