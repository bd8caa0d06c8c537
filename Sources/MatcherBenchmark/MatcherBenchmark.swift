import ArgumentParser

/// Measures the Matcher with a realistic population; `scripts/bench-matcher.sh` runs it. Prints figures, asserts
/// nothing.
@main
struct MatcherBenchmark: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "MatcherBenchmark",
    abstract: "Feeds a realistic population of signals through the intake topic (or straight to the Matcher).",
    subcommands: [EndToEnd.self, MatcherOnly.self])
}
