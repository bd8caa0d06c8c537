/// The periods of a signal's life and of the data about a child (DOMAIN R-5), in calendar years on the
/// Europe/Amsterdam calendar.
///
/// A period ends on the same day of the month so many years later; a period that starts on 29 February ends on
/// 1 March in a year without it (the day after 28 February), which is also when a child born on 29 February turns
/// 23 in a common year. Retention computes these days when it stores a signal or a child and compares them with
/// the day as stored; SQL does not compute them (PostgreSQL's `date + interval '5 years'` would give 28 February).
public enum Lifecycle {
  /// A signal is active for at most two years: `endsOn` is at most this many years after the day it was
  /// made.
  public static let activeYears = 2
  /// An archived signal is kept this many years from the day it was archived, then purged.
  public static let archivedYears = 5
  /// Everything about a child is erased on the child's 23rd birthday (R-5.5, Jeugdwet §7.1): a child of this age may
  /// not be signalled, and nothing about them may be stored.
  public static let erasureAge = 23

  /// The day `years` years after `day`: the same month and day, or 1 March for 29 February in a year without it.
  public static func anniversary(
    of day: (year: Int, month: Int, day: Int), years: Int
  ) -> (
    year: Int, month: Int, day: Int
  ) {
    let year = day.year + years
    if day.month == 2 && day.day == 29 && !isLeapYear(year) {
      return (year, 3, 1)
    }
    return (year, day.month, day.day)
  }

  /// Whether `year` has a 29 February (the Gregorian calendar).
  public static func isLeapYear(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }
}
