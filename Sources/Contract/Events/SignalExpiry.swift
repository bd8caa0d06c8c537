public import Foundation

/// A signal reached the end of its two years (emitted by Retention).
public struct SignalExpiry: Codable, Sendable, Hashable {
  /// The signal that expires.
  public var signalId: UUID
  /// The day Retention evaluated.
  public var asOf: CalendarDate

  /// Creates an expiry.
  public init(signalId: UUID, asOf: CalendarDate) {
    self.signalId = signalId
    self.asOf = asOf
  }
}
