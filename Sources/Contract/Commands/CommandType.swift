/// The CloudEvents `type`s accepted on the intake topic.
public enum CommandType: String, Codable, Sendable, CaseIterable {
  /// Register a signal.
  case register = "nl.verwijsindex.signal.register.v1"
  /// End a signal.
  case end = "nl.verwijsindex.signal.end.v1"
}
