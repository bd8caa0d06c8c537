import ArgumentParser

/// Measures SignalIntake's throughput; `scripts/bench-intake.sh` runs it. Prints figures, asserts nothing.
@main
struct IntakeBenchmark: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "IntakeBenchmark",
    abstract: "Measures intake throughput from the topic, the broker's raw rate, and prepares the HTTP (wrk) run.",
    subcommands: [RawBroker.self, TopicIntake.self, WrkScript.self])
}
