/// A benchmark could not run; the message says what to set up.
public struct BenchmarkError: Error, CustomStringConvertible {
  /// What went wrong and what to set up.
  public let description: String

  /// An error that tells the person running the benchmark what to set up.
  public init(_ description: String) { self.description = description }
}
