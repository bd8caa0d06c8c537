/// Rules for the free text that crosses the contract (names, references, ids).
public enum TextRules {
  /// Whether `text` holds a control character (U+0000–U+001F, U+007F–U+009F): never valid in a name, reference or
  /// id, and U+0000 cannot even be stored in PostgreSQL.
  public static func hasControlCharacters(_ text: String) -> Bool {
    text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
  }
}
