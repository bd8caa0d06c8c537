public import NIOCore
public import PostgresNIO

/// An enum kept in a `text` column (whose CHECK lists the same values): written and read as its raw value.
///
/// Conform a `String`-backed enum to bind it in a query and decode it from a row as itself, so that a status, a
/// kind or a reason is never a bare string between the database and the code. A value that the enum does not know
/// fails to decode (``PostgresDecodingError``), naming the column, rather than passing as text.
public protocol PostgresTextEnum: PostgresCodable, RawRepresentable, Sendable where RawValue == String {}

extension PostgresTextEnum {
  /// `text`.
  public static var psqlType: PostgresDataType { .text }

  /// The binary format (for `text`, the UTF-8 bytes).
  public static var psqlFormat: PostgresFormat { .binary }

  /// Writes the raw value.
  public func encode<JSONEncoder: PostgresJSONEncoder>(
    into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>
  ) {
    byteBuffer.writeString(rawValue)
  }

  /// Reads the raw value; throws when it names no case.
  public init<JSONDecoder: PostgresJSONDecoder>(
    from byteBuffer: inout ByteBuffer, type: PostgresDataType, format: PostgresFormat,
    context: PostgresDecodingContext<JSONDecoder>
  ) throws {
    let raw = try String(from: &byteBuffer, type: type, format: format, context: context)
    guard let value = Self(rawValue: raw) else { throw PostgresDecodingError.Code.failure }
    self = value
  }
}
