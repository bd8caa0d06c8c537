import ArgumentParser
import BenchmarkSupport
import Contract

/// Valid signed commands onto the intake topic, timed until SignalIntake has published every signal event.
struct TopicIntake: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "topic", abstract: "Time signed commands from the intake topic to signal events.")

  @Option(help: "Number of commands.") var count = 20_000

  func run() async throws {
    let bench = BenchmarkEnvironment()
    let topics = try bench.target.topics()
    try await bench.register()
    let messages = try (0..<count).map { try bench.signedCommand($0, topic: topics.signalCommands) }
    let professional = bench.professional
    let (produced, consumed) = try await Throughput.measure(
      messages, consume: topics.signals, expected: count, client: bench.target.client, logger: bench.target.logger
    ) { record in
      (try? EventCoding.decode(SignalEvent.self, from: record.value))?.registration?.professionalId == professional
    }
    print(
      "intake from the topic: \(count) signed commands produced in \(Figures.twoDecimals(produced)) s; all \(count) signal "
        + "events published after \(Figures.twoDecimals(consumed)) s: \(Int(Double(count) / consumed)) signals/s")
  }
}
