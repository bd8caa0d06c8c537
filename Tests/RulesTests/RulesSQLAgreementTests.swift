import Foundation
import Logging
import PostgresNIO
import Rules
import TestSupport
import TestTags
import Testing

/// Each rule's SQL fragment, evaluated by the real PostgreSQL on generated cases, decides as its Swift twin does.
/// The Matcher's and Retention's statements interpolate these fragments, so the model-based test's rulebook and the
/// SQL it checks are the same rules.
@Suite("The rules' SQL agrees with the rulebook", .tags(.integration), .localStack)
struct RulesSQLAgreementTests {
  static let logger = Logger(label: "rules-test")
  static let cases = 600

  /// Runs `body` with a client on the test server; the fragments need no tables.
  static func withPostgres<T: Sendable>(_ body: @Sendable (PostgresClient) async throws -> T) async throws -> T {
    try await TestDatabase.withClient(database: "vi_test", body)
  }

  @Test("eligibility", arguments: [false, true])
  func eligibility(matchSameOrganisation: Bool) async throws {
    var random = SeededRandom(seed: matchSameOrganisation ? 11 : 12)
    let rule = Eligibility(matchSameOrganisation: matchSameOrganisation)
    let a = (0..<Self.cases).map { _ in Self.signaller(&random) }
    let b = (0..<Self.cases).map { _ in Self.signaller(&random) }
    let expected = zip(a, b).map { rule.allows($0, $1) }
    let query: PostgresQuery = """
      SELECT a.i, \(unescaped: rule.sql("a", "b"))
      FROM UNNEST(\(Array(0..<Self.cases))::int8[], \(a.map(\.professionalId))::text[],
        \(a.map(\.organisationId))::text[]) AS a(i, professional_id, organisation_id)
      JOIN UNNEST(\(Array(0..<Self.cases))::int8[], \(b.map(\.professionalId))::text[],
        \(b.map(\.organisationId))::text[]) AS b(i, professional_id, organisation_id) ON b.i = a.i
      ORDER BY a.i
      """
    try await Self.expect(query, decides: expected)
  }

  @Test("historical involvement", arguments: [false, true])
  func historicalInvolvement(matchSameOrganisation: Bool) async throws {
    var random = SeededRandom(seed: matchSameOrganisation ? 21 : 22)
    let rule = HistoricalInvolvement(eligibility: Eligibility(matchSameOrganisation: matchSameOrganisation))
    let new = (0..<Self.cases).map { _ in (child: Self.child(&random), by: Self.signaller(&random)) }
    let old = (0..<Self.cases).map { _ in
      (
        child: Self.child(&random), status: SignalStatus.allCases.randomElement(using: &random)!,
        by: Self.signaller(&random)
      )
    }
    let expected = zip(new, old).map {
      rule.concerns(status: $1.status, sameChild: $0.child == $1.child, by: $1.by, newBy: $0.by)
    }
    let query: PostgresQuery = """
      SELECT n.i, \(unescaped: rule.sql(new: "n", archived: "o"))
      FROM UNNEST(\(Array(0..<Self.cases))::int8[], \(new.map(\.child))::text[], \(new.map(\.by.professionalId))::text[],
        \(new.map(\.by.organisationId))::text[]) AS n(i, child_pseudonym, professional_id, organisation_id)
      JOIN UNNEST(\(Array(0..<Self.cases))::int8[], \(old.map(\.child))::text[], \(old.map(\.status.rawValue))::text[],
        \(old.map(\.by.professionalId))::text[], \(old.map(\.by.organisationId))::text[])
        AS o(i, child_pseudonym, status, professional_id, organisation_id) ON o.i = n.i
      ORDER BY n.i
      """
    try await Self.expect(query, decides: expected)
  }

  /// Groups of candidates with few types (one with a quote in its name), few instants (so that many tie) and random
  /// ids, under random orders: PostgreSQL's `ORDER BY` and the Swift ranking put them in the same order.
  @Test("regie ranking")
  func regieRanking() async throws {
    var random = SeededRandom(seed: 31)
    let types = ["veiligthuis", "jeugdhulp", "jgz", "wijkteam", "o'brien zorg"]
    let start = Date(timeIntervalSince1970: 1_700_000_000)
    var trials: [(ranking: RegieRanking, candidates: [RegieCandidate])] = []
    for _ in 0..<60 {
      let order = Array(types.shuffled(using: &random).prefix(Int.random(in: 0...4, using: &random)))
      let candidates = (0..<Int.random(in: 1...12, using: &random)).map { _ in
        RegieCandidate(
          organisationType: types.randomElement(using: &random)!,
          registeredAt: start + TimeInterval(Int.random(in: 0...3, using: &random)), signalId: Self.uuid(&random))
      }
      trials.append((RegieRanking(order: order), candidates))
    }
    let cases = trials
    let disagreements = try await Self.withPostgres { client in
      var disagreements = 0
      for (ranking, candidates) in cases {
        let query: PostgresQuery = """
          SELECT s.signal_id FROM (
            SELECT signal_id, organisation_type, to_timestamp(t) AS registered_at
            FROM UNNEST(\(candidates.map(\.signalId))::uuid[], \(candidates.map(\.organisationType))::text[],
              \(candidates.map(\.registeredAt.timeIntervalSince1970))::float8[]) AS u(signal_id, organisation_type, t)
          ) s
          ORDER BY \(unescaped: ranking.sqlOrder("s"))
          """
        var ordered: [UUID] = []
        for try await id in try await client.query(query, logger: Self.logger).decode(UUID.self) {
          ordered.append(id)
        }
        let expected = candidates.sorted { ranking.precedes($0, $1) }.map(\.signalId)
        if ordered != expected { disagreements += 1 }
      }
      return disagreements
    }
    #expect(disagreements == 0, "\(disagreements) of \(cases.count) groups ordered otherwise in SQL")
  }

  /// The status and kind literals are the values the statements compare with, as PostgreSQL reads them.
  @Test("status and kind literals")
  func literals() async throws {
    let literals = SignalStatus.allCases.map(\.sqlLiteral) + MatchKind.allCases.map(\.sqlLiteral)
    let names = SignalStatus.allCases.map(\.rawValue) + MatchKind.allCases.map(\.rawValue)
    let read = try await Self.withPostgres { client in
      var read: [String] = []
      for literal in literals {
        let rows = try await client.query("SELECT \(unescaped: literal)::text", logger: Self.logger)
        for try await value in rows.decode(String.self) { read.append(value) }
      }
      return read
    }
    #expect(read == names)
  }

  /// Runs `query`, whose rows are a case number and the SQL's decision, in case order, and expects its decisions to
  /// be `expected`, which should hold both outcomes.
  private static func expect(_ query: PostgresQuery, decides expected: [Bool]) async throws {
    let decided = try await withPostgres { client in
      var decided: [Bool] = []
      for try await (_, decision) in try await client.query(query, logger: logger).decode((Int, Bool).self) {
        decided.append(decision)
      }
      return decided
    }
    let disagreements = zip(decided, expected).filter { $0 != $1 }.count
    #expect(decided.count == expected.count && disagreements == 0, "SQL decides \(disagreements) cases otherwise")
    #expect(Set(expected) == [false, true], "the generated cases should hold both outcomes")
  }

  private static func signaller(_ random: inout SeededRandom) -> Signaller {
    let professional = Int.random(in: 0..<5, using: &random)
    // Professionals mostly stay with one organisation, sometimes appear under another.
    let organisation = Bool.random(using: &random) ? professional % 3 : Int.random(in: 0..<3, using: &random)
    return Signaller(professionalId: "p\(professional)", organisationId: "org-\(organisation)")
  }

  private static func child(_ random: inout SeededRandom) -> String {
    "child-\(Int.random(in: 0..<2, using: &random))"
  }

  private static func uuid(_ random: inout SeededRandom) -> UUID {
    var bits = (random.next(), random.next())
    return withUnsafeBytes(of: &bits) { UUID(uuid: $0.load(as: uuid_t.self)) }
  }
}
