import Contract
import Foundation

extension CalendarDate {
  /// Noon of this day in Europe/Amsterdam.
  var noon: Date {
    CalendarDate.amsterdam.date(from: DateComponents(year: year, month: month, day: day, hour: 12))!
  }

  /// The day `days` later (earlier when negative).
  func plus(days: Int) -> CalendarDate {
    CalendarDate(CalendarDate.amsterdam.date(byAdding: .day, value: days, to: noon)!)
  }

  /// Days from this day to `other`.
  func days(to other: CalendarDate) -> Int {
    CalendarDate.amsterdam.dateComponents([.day], from: noon, to: other.noon).day!
  }
}
