import ArgumentParser
import BenchmarkSupport
import Contract
import Foundation
import KafkaClient

/// The same population as SignalIntake would publish it, straight onto the signals topic: the Matcher alone.
struct MatcherOnly: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "matcher-only", abstract: "Pseudonymised signal events straight onto the signals topic.")

  @Option(help: "Number of signals.") var count = 1_000_000
  @Option(help: "Seed of the population.") var seed: UInt64 = 7

  func run() async throws {
    let setup = BenchSetup()
    let topics = try setup.target.topics()
    let population = Population(signals: count, runID: setup.runID, seed: seed)
    let pseudonymizer = Pseudonymizer(key: Array(repeating: 1, count: 32))
    let producer = try KafkaProducer(
      configuration: KafkaProducerConfiguration(client: setup.target.client), logger: setup.target.logger)
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { try await producer.run() }
      try await producer.send(
        try setup.registryEvents(population).map {
          KafkaProducerMessage(topic: topics.registry, key: $0.key, value: try EventCoding.encode($0))
        })
      group.cancelAll()
    }
    try await Task.sleep(for: .seconds(2))
    let messages = try (0..<count).map { try population.event($0, topic: topics.signals, pseudonymizer: pseudonymizer) }
    let result = try await FeedRun(
      setup: setup, population: population, noticesTopic: topics.matches, expectedSignals: count
    )
    .run(messages, rate: 0)
    print(
      "Matcher alone: \(count) signal events stored and every match notice published in \(Figures.twoDecimals(result.seconds)) s: "
        + "\(Int(Double(count) / result.seconds)) signals/s; \(result.matches) match notices "
        + "(produced onto the topic in \(Figures.twoDecimals(result.produceSeconds)) s)")
  }
}
