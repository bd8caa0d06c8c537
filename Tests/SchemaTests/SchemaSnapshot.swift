import Logging
import PostgresNIO

/// The tables of a migrated database as text: each table with its columns (type, `NOT NULL`, default), its
/// constraints and its indexes, in a stable order, so that two databases migrated alike read the same.
enum SchemaSnapshot {
  /// The schema of the database `client` is connected to.
  static func read(_ client: PostgresClient, logger: Logger) async throws -> String {
    var text = ""
    for table in try await strings(
      client,
      "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p')"
        + " ORDER BY relname", logger: logger)
    {
      text += "CREATE TABLE \(table) (\n"
      var lines: [String] = []
      let columns = try await client.query(
        """
        SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid)
        FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attrelid = ('public.' || \(table))::regclass AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attnum
        """, logger: logger)
      for try await (name, type, notNull, fallback) in columns.decode((String, String, Bool, String?).self) {
        lines.append(
          "  \(name) \(type)" + (notNull ? " NOT NULL" : "") + (fallback.map { " DEFAULT \($0)" } ?? ""))
      }
      let constraints = try await client.query(
        """
        SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
        WHERE conrelid = ('public.' || \(table))::regclass ORDER BY conname
        """, logger: logger)
      for try await (name, definition) in constraints.decode((String, String).self) {
        lines.append("  CONSTRAINT \(name) \(definition)")
      }
      text += lines.joined(separator: ",\n") + "\n);\n"
      for index in try await strings(
        client,
        "SELECT indexdef FROM pg_indexes i WHERE schemaname = 'public' AND tablename = '\(table)'"
          + " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = (i.schemaname || '.' || i.indexname)::regclass)"
          + " ORDER BY indexname", logger: logger)
      {
        text += index.replacingOccurrences(of: " public.", with: " ") + ";\n"
      }
      text += "\n"
    }
    return text
  }

  private static func strings(_ client: PostgresClient, _ sql: String, logger: Logger) async throws -> [String] {
    var result: [String] = []
    for try await value in try await client.query(PostgresQuery(unsafeSQL: sql), logger: logger).decode(String.self) {
      result.append(value)
    }
    return result
  }
}
