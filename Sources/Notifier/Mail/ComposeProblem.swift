/// Why an e-mail cannot be written now.
enum ComposeProblem: Error, CustomStringConvertible, Equatable {
  /// A professional or organisation it names is not in the Notifier's registry yet (replication lag): try later.
  case notInRegistry(String)
  /// The queued row cannot be read or does not fit its event: it never will.
  case unusable(String)

  /// Whether trying again later can help.
  var isTransient: Bool {
    if case .notInRegistry = self { return true }
    return false
  }

  var description: String {
    switch self {
    case .notInRegistry(let what): "\(what) is not in the registry (yet)"
    case .unusable(let why): "the queued e-mail cannot be written: \(why)"
    }
  }
}
