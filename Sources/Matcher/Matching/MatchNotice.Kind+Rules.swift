import Contract
import Rules

extension MatchNotice.Kind {
  /// The kind as the rulebook has it (the same three names).
  var rule: MatchKind {
    switch self {
    case .child: .child
    case .family: .family
    case .address: .address
    }
  }

  /// The notice's kind for a rulebook kind.
  init(_ kind: MatchKind) {
    switch kind {
    case .child: self = .child
    case .family: self = .family
    case .address: self = .address
    }
  }
}
