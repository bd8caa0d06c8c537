import Foundation
import PostgresNIO
import Rules
import TestTags
import Testing

@testable import Matcher

/// The rulebook's statuses and match kinds are exactly the values the migrated schema accepts.
@Suite("The Matcher's schema and the rulebook", .tags(.integration), .localStack)
struct RulesSchemaTests {
  @Test("signals.status and matches.kind accept the rulebook's values, and only those")
  func checkConstraints() async throws {
    let allowed = try await MatcherDatabase.with { client in
      var allowed: [String: Set<String>] = [:]
      let rows = try await client.query(
        """
        SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
        WHERE conname IN ('signals_status_check', 'matches_kind_check')
        """)
      for try await (name, definition) in rows.decode((String, String).self) {
        allowed[name] = Self.quoted(in: definition)
      }
      return allowed
    }
    #expect(allowed["signals_status_check"] == Set(SignalStatus.allCases.map(\.rawValue)))
    #expect(allowed["matches_kind_check"] == Set(MatchKind.allCases.map(\.rawValue)))
  }

  /// The single-quoted strings in a constraint's definition.
  private static func quoted(in definition: String) -> Set<String> {
    let parts = definition.split(separator: "'", omittingEmptySubsequences: false)
    return Set(stride(from: 1, to: parts.count, by: 2).map { String(parts[$0]) })
  }
}
