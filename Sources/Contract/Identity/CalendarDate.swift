public import Foundation
import Rules

/// A date on the calendar (no time, no zone), such as a birth date; encoded as `YYYY-MM-DD`.
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
  /// The year.
  public let year: Int
  /// The month, 1 to 12.
  public let month: Int
  /// The day of the month, 1 to 31.
  public let day: Int

  /// The Gregorian calendar in the Netherlands' time zone, in which the law's dates are counted.
  public static let amsterdam: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam")!
    return calendar
  }()

  /// A valid date, or `nil` (e.g. 2023-02-29).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
    let components = DateComponents(year: year, month: month, day: day)
    guard let date = Self.amsterdam.date(from: components),
      Self.amsterdam.dateComponents([.year, .month, .day], from: date) == components
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses `YYYY-MM-DD`.
  public init?(_ text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
    else { return nil }
    self.init(year: year, month: month, day: day)
  }

  /// The calendar date of `instant` in Europe/Amsterdam.
  public init(_ instant: Date) {
    let components = Self.amsterdam.dateComponents([.year, .month, .day], from: instant)
    self.year = components.year!
    self.month = components.month!
    self.day = components.day!
  }

  /// The date `years` later. 29 February falls to 1 March in a year without it (the day after 28 February),
  /// which is when a person born on 29 February reaches an age in a common year.
  public func adding(years: Int) -> CalendarDate {
    let anniversary = Lifecycle.anniversary(of: (year, month, day), years: years)
    return CalendarDate(year: anniversary.year, month: anniversary.month, day: anniversary.day)!
  }

  /// The person's age in whole years on `date`.
  public func age(on date: CalendarDate) -> Int {
    var age = date.year - year
    if adding(years: age) > date { age -= 1 }
    return age
  }

  /// Earlier dates sort first.
  public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  /// `YYYY-MM-DD`.
  public var description: String {
    String(format: "%04d-%02d-%02d", year, month, day)
  }

  /// Decodes `YYYY-MM-DD`.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let date = CalendarDate(text) else {
      throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a date YYYY-MM-DD")
    }
    self = date
  }

  /// Encodes `YYYY-MM-DD`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
