import Foundation
import Rules

/// A match on one of the reader's signals.
struct OwnMatch: Encodable, Sendable, Hashable {
  /// What the other signal is about, from the match's kind.
  enum Concerns: String, Encodable, Sendable {
    /// The same child (a child match).
    case sameChild
    /// Another child of the same family (a family match): nothing more is said about that child.
    case otherChildOfFamily
    /// Another child at the same address (an address match): nothing more is said about that child.
    case otherChildAtAddress
  }

  var matchId: ResourceID
  /// `child`, `family` or `address`.
  var kind: MatchKind
  var concerns: Concerns
  /// When the match was made.
  var since: Date
  /// When it ended (one of its signals ended), if it did.
  var endedAt: Date?
  /// Who coordinates, where the match has regie.
  var regie: RegieView?
  /// How to reach the other professional.
  var other: PartyContact

  /// What `kind` means for the other signal.
  static func concerns(_ kind: MatchKind) -> Concerns {
    switch kind {
    case .child: .sameChild
    case .family: .otherChildOfFamily
    case .address: .otherChildAtAddress
    }
  }
}
