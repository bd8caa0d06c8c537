import ArgumentParser
import BenchmarkSupport
import KafkaClient

/// The broker's own rate for the same records: produce them to a fresh topic and consume them back.
struct RawBroker: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "raw", abstract: "Produce and consume the same signed commands on a fresh topic.")

  @Option(help: "Number of records.") var count = 20_000

  func run() async throws {
    let bench = BenchmarkEnvironment()
    let topic = "\(bench.runID).raw"
    try await KafkaAdmin.createTopicsIfMissing(
      [KafkaTopic(name: topic, partitions: 6)], client: bench.target.client, logger: bench.target.logger)
    let messages = try (0..<count).map { try bench.signedCommand($0, topic: topic) }
    let bytes = messages.reduce(0) { $0 + $1.value.count }
    let (produced, consumed) = try await Throughput.measure(
      messages, consume: topic, expected: count, client: bench.target.client, logger: bench.target.logger
    ) { _ in true }
    print(
      "raw broker: \(count) records of \(bytes / count) bytes: produced and acknowledged in "
        + "\(Figures.twoDecimals(produced)) s (\(Int(Double(count) / produced))/s), produced and consumed in "
        + "\(Figures.twoDecimals(consumed)) s (\(Int(Double(count) / consumed))/s)")
  }
}
