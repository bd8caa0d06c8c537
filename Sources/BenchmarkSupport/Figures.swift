import Foundation

/// How benchmarks print their figures.
public enum Figures {
  /// Two decimals.
  public static func twoDecimals(_ value: Double) -> String {
    String(format: "%.2f", value)
  }
}
