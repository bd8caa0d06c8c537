/// Describes why JSON did not decode, naming the field but never echoing the input (which may hold a BSN).
public enum DecodingFailure {
  /// A short description such as "missing 'data.child'" or "wrong type at 'time'".
  public static func describe(_ error: any Error) -> String {
    switch error {
    case DecodingError.keyNotFound(let key, let context):
      "missing '\(path(context.codingPath + [key]))'"
    case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
      "wrong type at '\(path(context.codingPath))'"
    case DecodingError.dataCorrupted(let context):
      context.codingPath.isEmpty ? "not valid JSON" : "invalid value at '\(path(context.codingPath))'"
    default:
      "not valid JSON"
    }
  }

  private static func path(_ keys: [any CodingKey]) -> String {
    keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
  }
}
