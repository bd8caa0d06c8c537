import Logging
import PostgresNIO

/// The intake commands already handled, by `source` and `id`: a command delivered twice yields one signal event.
struct CommandLedger: Sendable {
  /// A command's identity on the intake topic.
  struct Key: Hashable, Sendable {
    var source: String
    var id: String
  }

  let logger: Logger

  /// Records `keys` and returns those not handled before. Runs in the caller's transaction, which commits only
  /// after the resulting events were published; a crash in between handles the commands again, with the same
  /// (name-based) signal and event ids, which the consumers recognise.
  func firstSeen(_ keys: [Key], on connection: PostgresConnection) async throws -> Set<Key> {
    guard !keys.isEmpty else { return [] }
    let rows = try await connection.query(
      """
      INSERT INTO handled_commands (source, command_id)
      SELECT * FROM UNNEST(\(keys.map(\.source))::text[], \(keys.map(\.id))::text[])
      ON CONFLICT DO NOTHING
      RETURNING source, command_id
      """, logger: logger)
    var fresh = Set<Key>()
    for try await (source, id) in rows.decode((String, String).self) {
      fresh.insert(Key(source: source, id: id))
    }
    return fresh
  }
}
