import Contract
import Foundation
import Logging
import PostgresNIO

/// The Matcher's log book (`log_book`). The matching code writes a row for every change it makes, in the batch's
/// transaction; the API writes a row for every read and every rights request, in the same transaction as the read,
/// so that nothing is shown that is not accounted for.
struct LogBook: Sendable {
  let logger: Logger

  /// Writes `rows` in one statement, in their order.
  func write(_ rows: [LogBookRow], on connection: PostgresConnection) async throws {
    guard !rows.isEmpty else { return }
    // Arrays of optionals do not bind: empty text stands for NULL, and -1 for the transaction's time.
    let instants = rows.map { $0.at?.timeIntervalSince1970 ?? -1 }
    let actors = rows.map(\.actor)
    let actions = rows.map(\.action.rawValue)
    let children = rows.map { $0.childPseudonym?.value ?? "" }
    let signals = rows.map { $0.signalId?.uuidString ?? "" }
    let matches = rows.map { $0.matchId?.uuidString ?? "" }
    let details = try rows.map { String(decoding: try EventCoding.encode($0.detail), as: UTF8.self) }
    try await connection.query(
      """
      INSERT INTO log_book (at, actor, action, child_pseudonym, signal_id, match_id, detail)
      SELECT COALESCE(to_timestamp(NULLIF(at, -1)), now()), actor, action, NULLIF(child, ''),
        NULLIF(signal, '')::uuid, NULLIF(match, '')::uuid, detail::jsonb
      FROM UNNEST(\(instants)::float8[], \(actors)::text[], \(actions)::text[], \(children)::text[],
        \(signals)::text[], \(matches)::text[], \(details)::text[])
        WITH ORDINALITY AS l(at, actor, action, child, signal, match, detail, i)
      ORDER BY i
      """, logger: logger)
  }

  /// The rows about the child stored under any of `pseudonyms`, oldest first.
  func entries(about pseudonyms: [String], on connection: PostgresConnection) async throws -> [LogBookEntry] {
    try await read(
      connection.query(
        """
        SELECT id, at, actor, action, true, signal_id, match_id, detail::text FROM log_book
        WHERE child_pseudonym = ANY(\(pseudonyms)::text[]) ORDER BY at, id
        """, logger: logger))
  }

  /// The rows about the child stored under any of `pseudonyms`, in `range`.
  func entries(
    about pseudonyms: [String], in range: LogBookRange, on connection: PostgresConnection
  ) async throws -> [LogBookEntry] {
    try await read(
      connection.query(
        """
        SELECT id, at, actor, action, true, signal_id, match_id, detail::text FROM log_book
        WHERE child_pseudonym = ANY(\(pseudonyms)::text[])
          AND (\(range.from)::timestamptz IS NULL OR at >= \(range.from)::timestamptz)
          AND (\(range.to)::timestamptz IS NULL OR at < \(range.to)::timestamptz)
          AND id > \(range.after ?? 0)
        ORDER BY id LIMIT \(range.limit)
        """, logger: logger))
  }

  /// Every row in `range`.
  func entries(in range: LogBookRange, on connection: PostgresConnection) async throws -> [LogBookEntry] {
    try await read(
      connection.query(
        """
        SELECT id, at, actor, action, child_pseudonym IS NOT NULL, signal_id, match_id, detail::text FROM log_book
        WHERE (\(range.from)::timestamptz IS NULL OR at >= \(range.from)::timestamptz)
          AND (\(range.to)::timestamptz IS NULL OR at < \(range.to)::timestamptz)
          AND id > \(range.after ?? 0)
        ORDER BY id LIMIT \(range.limit)
        """, logger: logger))
  }

  /// Decodes rows of `id, at, actor, action, aboutChild, signal_id, match_id, detail`.
  private func read(_ rows: PostgresRowSequence) async throws -> [LogBookEntry] {
    var entries: [LogBookEntry] = []
    for try await (id, at, actor, action, aboutChild, signalId, matchId, detail) in rows.decode(
      (Int64, Date, String, String, Bool, UUID?, UUID?, String).self)
    {
      entries.append(
        LogBookEntry(
          id: id, at: at, actor: actor, action: action, aboutChild: aboutChild, signalId: signalId.map(ResourceID.init),
          matchId: matchId.map(ResourceID.init),
          detail: (try? EventCoding.decode(JSONTree.self, from: Array(detail.utf8))) ?? .object([:])))
    }
    return entries
  }
}
