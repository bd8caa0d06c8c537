/// A duration as a number of seconds, for rates, SQL intervals and log metadata.
extension Duration {
  /// The duration in seconds, fractions included.
  public var inSeconds: Double {
    Double(components.seconds) + Double(components.attoseconds) / 1e18
  }
}
