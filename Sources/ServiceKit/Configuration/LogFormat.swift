/// How log lines are written to standard error.
public enum LogFormat: String, Sendable, CaseIterable {
  /// One human-readable line per event, metadata as `key=value`.
  case text
  /// One JSON object per line, for log collectors.
  case json
}
