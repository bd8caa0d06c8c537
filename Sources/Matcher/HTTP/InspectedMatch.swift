import Foundation
import Rules

/// A match one of the child's signals is part of. In a family or address match the other signal is about another
/// child: of that side the inspection says only that it is another child, nothing about it or its professional.
struct InspectedMatch: Encodable, Sendable, Hashable {
  /// One side of the match.
  struct Party: Encodable, Sendable, Hashable {
    /// The child's own signal; `nil` for another child's.
    var signalId: ResourceID?
    /// Who made the child's own signal; `nil` for another child's.
    var by: InspectedParty?
    /// Whether this side is about another child (of the family, or at the address).
    var otherChild: Bool
  }

  var matchId: ResourceID
  /// `child`, `family` or `address`.
  var kind: MatchKind
  var since: Date
  var endedAt: Date?
  var parties: [Party]
  /// Who coordinates, when it is one of the child's own professionals.
  var regie: InspectedParty?
}
