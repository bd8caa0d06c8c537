public import Foundation

/// A signal reaches its end date in a configured number of days (emitted by Retention; the Matcher turns it into a
/// reminder notice when the signal is still active).
public struct SignalReminder: Codable, Sendable, Hashable {
  /// The signal that ends soon.
  public var signalId: UUID
  /// Its last active day.
  public var endsOn: CalendarDate

  /// Creates a reminder.
  public init(signalId: UUID, endsOn: CalendarDate) {
    self.signalId = signalId
    self.endsOn = endsOn
  }
}
