import Contract
import Logging
import PostgresNIO
import Rules
import ServiceKit
import TestSupport
import TestTags
import Testing

/// The vocabulary enums travel through PostgreSQL as their raw values, and a value no case names is refused.
@Suite("Enums in text columns (PostgresTextEnum)", .tags(.integration), .localStack)
struct PostgresTextEnumTests {
  static let logger = Logger(label: "text-enum-test")

  /// Binds `value`, reads it back as text and as the enum.
  func roundTrip<E: PostgresTextEnum & Equatable>(_ value: E, _ client: PostgresClient) async throws -> (String, E) {
    let rows = try await client.query("SELECT \(value)::text, \(value)::text", logger: Self.logger)
    for try await (text, decoded) in rows.decode((String, E).self) { return (text, decoded) }
    throw PostgresDecodingError.Code.failure
  }

  @Test("every case is written and read back as its raw value")
  func everyCase() async throws {
    try await TestDatabase.withClient(database: "vi_test") { client in
      try await expectRoundTrips(SignalStatus.allCases, client)
      try await expectRoundTrips(MatchKind.allCases, client)
      try await expectRoundTrips(ArchiveReason.allCases, client)
      try await expectRoundTrips(EndReason.allCases, client)
      try await expectRoundTrips(Informed.allCases, client)
    }
  }

  func expectRoundTrips<E: PostgresTextEnum & Equatable>(_ values: [E], _ client: PostgresClient) async throws {
    for value in values {
      let (text, decoded) = try await roundTrip(value, client)
      #expect(text == value.rawValue)
      #expect(decoded == value)
    }
  }

  @Test("a value that names no case fails to decode")
  func unknownValue() async throws {
    try await TestDatabase.withClient(database: "vi_test") { client in
      let rows = try await client.query("SELECT 'purged'::text", logger: Self.logger)
      await #expect(throws: PostgresDecodingError.self) {
        for try await _ in rows.decode(SignalStatus.self) {}
      }
    }
  }
}

/// `date` columns as ``CalendarDate``, in PostgreSQL's binary format, against PostgreSQL's own reading of them.
@Suite("Dates in date columns (CalendarDate)", .tags(.integration), .localStack)
struct CalendarDatePostgresTests {
  @Test("every day of nine years, leap days and century years included, reads as PostgreSQL writes it")
  func readsEveryDay() async throws {
    try await TestDatabase.withClient(database: "vi_test") { client in
      let rows = try await client.query(
        """
        SELECT d::date, d::date::text FROM generate_series('1896-02-27'::date, '1904-03-02'::date, '1 day') AS d
        UNION ALL
        SELECT d::date, d::date::text FROM generate_series('1999-12-25'::date, '2001-01-05'::date, '1 day') AS d
        """, logger: PostgresTextEnumTests.logger)
      var days = 0
      for try await (date, text) in rows.decode((CalendarDate, String).self) {
        #expect(CalendarDate(text) == date, "PostgreSQL's \(text)")
        days += 1
      }
      #expect(days == 2926 + 378)
    }
  }

  @Test("a bound date is the day PostgreSQL stores, 29 February included")
  func writesTheDay() async throws {
    try await TestDatabase.withClient(database: "vi_test") { client in
      for text in ["2000-01-01", "1999-12-31", "2024-02-29", "1900-03-01", "2100-02-28", "1970-01-01"] {
        let date = try #require(CalendarDate(text))
        let rows = try await client.query("SELECT \(date)::text", logger: PostgresTextEnumTests.logger)
        for try await stored in rows.decode(String.self) { #expect(stored == text) }
      }
    }
  }
}
