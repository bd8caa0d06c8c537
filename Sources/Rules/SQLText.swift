/// Builds the SQL text of the rules' fragments.
enum SQLText {
  /// `text` as a SQL string literal: in single quotes, each single quote doubled (standard conforming strings).
  static func literal(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
  }

  /// `texts` as a SQL `text[]` array literal.
  static func array(_ texts: [String]) -> String {
    "ARRAY[" + texts.map(literal).joined(separator: ", ") + "]::text[]"
  }
}
