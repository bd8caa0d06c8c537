import Contract
import Foundation

/// Where the schedule reads the time: the instant stamped on the events it emits, and the day (Europe/Amsterdam)
/// it evaluates.
///
/// There are two kinds and no setting chooses between them: `serve` always runs on ``system``; `run-once --as-of`
/// (an operator's explicit request) and the tests travel with ``fixed(on:)``. So a deployment cannot be given a fake
/// clock by an environment variable left behind.
struct RetentionClock: Sendable {
  private let read: @Sendable () -> Date

  private init(_ read: @escaping @Sendable () -> Date) {
    self.read = read
  }

  /// The machine's clock.
  static let system = RetentionClock { Date() }

  /// A clock that stands still at noon (Europe/Amsterdam) of `day`: whatever the time zone of the machine, its
  /// ``today`` is `day`, also on the days the clocks change.
  static func fixed(on day: CalendarDate) -> RetentionClock {
    let noon = DateComponents(year: day.year, month: day.month, day: day.day, hour: 12)
    let instant = CalendarDate.amsterdam.date(from: noon)!
    return RetentionClock { instant }
  }

  /// Now.
  var now: Date { read() }

  /// Today in the Europe/Amsterdam calendar.
  var today: CalendarDate { CalendarDate(now) }
}
