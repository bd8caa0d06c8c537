public import Contract
import Foundation
public import NIOCore
public import PostgresNIO

/// A `date` column as a ``CalendarDate``: PostgreSQL's binary `date` is the number of days since 2000-01-01, a
/// count of calendar days with no time zone, so the conversion uses the proleptic Gregorian calendar in UTC.
extension CalendarDate: PostgresCodable {
  /// `date`.
  public static var psqlType: PostgresDataType { .date }

  /// The binary format: days since 2000-01-01.
  public static var psqlFormat: PostgresFormat { .binary }

  /// Writes the days since 2000-01-01.
  public func encode<JSONEncoder: PostgresJSONEncoder>(
    into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>
  ) {
    let day = Self.utc.date(from: DateComponents(year: year, month: month, day: day))!
    byteBuffer.writeInteger(Int32(Self.utc.dateComponents([.day], from: Self.epoch, to: day).day!))
  }

  /// Reads a `date` (binary, or text as `YYYY-MM-DD`); throws for any other type or a malformed value.
  public init<JSONDecoder: PostgresJSONDecoder>(
    from byteBuffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat,
    context: PostgresDecodingContext<JSONDecoder>
  ) throws {
    switch (type, format) {
    case (.date, .binary):
      guard byteBuffer.readableBytes == 4, let days = byteBuffer.readInteger(as: Int32.self),
        let day = Self.utc.date(byAdding: .day, value: Int(days), to: Self.epoch)
      else { throw PostgresDecodingError.Code.failure }
      let parts = Self.utc.dateComponents([.year, .month, .day], from: day)
      self.init(year: parts.year!, month: parts.month!, day: parts.day!)!
    case (.date, .text), (.text, _), (.varchar, _):
      let text = try String(from: &byteBuffer, type: .text, format: format, context: context)
      guard let date = CalendarDate(text) else { throw PostgresDecodingError.Code.failure }
      self = date
    default:
      throw PostgresDecodingError.Code.typeMismatch
    }
  }

  /// The Gregorian calendar in UTC, in which PostgreSQL counts its days.
  private static let utc: Calendar = {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    return calendar
  }()

  /// 2000-01-01, day 0 of PostgreSQL's `date`.
  private static let epoch = utc.date(from: DateComponents(year: 2000, month: 1, day: 1))!
}
