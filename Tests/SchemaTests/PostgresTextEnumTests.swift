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
