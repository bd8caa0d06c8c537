import ArgumentParser
import BenchmarkSupport
import Foundation
import ServiceKit

/// Signed register commands of a realistic population onto the intake topic, through SignalIntake and the Matcher.
struct EndToEnd: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "end-to-end", abstract: "Signals through the intake topic, SignalIntake and the Matcher.")

  @Option(help: "Number of signals.") var count = 1_000_000
  @Option(help: "Signals per second to offer; 0 sends them as fast as the broker takes them.") var rate = 0
  @Option(help: "Seed of the population.") var seed: UInt64 = 42

  func run() async throws {
    let setup = BenchSetup()
    let topics = try setup.target.topics()
    let population = Population(signals: count, runID: setup.runID, seed: seed)
    try await setup.registerThroughAdminAPI(population)
    try await Task.sleep(for: .seconds(4))  // SignalIntake reloads its registry every 2 s
    let signing = ContinuousClock.now
    let messages = try (0..<count).map { try population.command($0, topic: topics.signalCommands) }
    print(
      "population: \(count) signals on \(population.children.count) children in \(population.families) families, "
        + "\(Population.organisationCount) organisations; signed in \(Figures.twoDecimals((ContinuousClock.now - signing).inSeconds)) s"
    )
    let result = try await FeedRun(
      setup: setup, population: population, noticesTopic: topics.matches, expectedSignals: count
    )
    .run(messages, rate: rate)
    let offered = rate > 0 ? "offered at \(rate)/s" : "offered all at once"
    print(
      "end to end (\(offered)): \(count) signals stored and every match notice published in "
        + "\(Figures.twoDecimals(result.seconds)) s: \(Int(Double(count) / result.seconds)) signals/s; "
        + "\(result.matches) match notices")
    print("latency from the intake topic to the match notice: \(result.latencies.summary)")
  }
}
