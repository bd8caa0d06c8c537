import Contract
import Rules
import TestTags
import Testing

@Suite("Lifecycle periods", .tags(.unit))
struct LifecycleTests {
  @Test("two years active, five archived, erased at 23")
  func periods() {
    #expect(Lifecycle.activeYears == 2 && Lifecycle.archivedYears == 5 && Lifecycle.erasureAge == 23)
  }

  @Test("29 February falls to 1 March in a year without it, and stays in a year with it")
  func leapDay() {
    #expect(Lifecycle.anniversary(of: (2004, 2, 29), years: 23) == (2027, 3, 1))
    #expect(Lifecycle.anniversary(of: (2028, 2, 29), years: 5) == (2033, 3, 1))
    #expect(Lifecycle.anniversary(of: (2024, 2, 29), years: 4) == (2028, 2, 29))
    #expect(Lifecycle.anniversary(of: (2004, 2, 28), years: 23) == (2027, 2, 28))
    #expect(Lifecycle.anniversary(of: (2004, 3, 1), years: 23) == (2027, 3, 1))
  }

  @Test("the Gregorian leap years")
  func leapYears() {
    #expect(Lifecycle.isLeapYear(2000) && Lifecycle.isLeapYear(2024))
    #expect(!Lifecycle.isLeapYear(1900) && !Lifecycle.isLeapYear(2100) && !Lifecycle.isLeapYear(2023))
  }

  /// `CalendarDate.adding(years:)`, which Retention and SignalIntake compute the days with, keeps the rulebook's
  /// rule on every day of nine years, for each period.
  @Test("CalendarDate.adding(years:) agrees with the rulebook on every day")
  func calendarDateAgrees() {
    var days = 0
    var disagreements: [String] = []
    for year in 1999...2007 {
      for month in 1...12 {
        for dayOfMonth in 1...31 {
          guard let day = CalendarDate(year: year, month: month, day: dayOfMonth) else { continue }
          days += 1
          for years in [Lifecycle.activeYears, Lifecycle.archivedYears, Lifecycle.erasureAge] {
            let rule = Lifecycle.anniversary(of: (year, month, dayOfMonth), years: years)
            let computed = day.adding(years: years)
            if (computed.year, computed.month, computed.day) != rule { disagreements.append("\(day) + \(years)") }
          }
        }
      }
    }
    #expect(days == 9 * 365 + 2, "every day of 1999 to 2007, two of them 29 February")
    #expect(disagreements.isEmpty, "disagree: \(disagreements.prefix(5))")
  }
}
