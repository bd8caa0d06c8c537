public import Foundation
import KafkaClient

/// A match: which signals of which professionals were matched, of what kind, and who has regie.
public struct MatchNotice: Codable, Sendable, Hashable {
  /// The kind of match.
  public enum Kind: String, Codable, Sendable, CaseIterable {
    /// Signals of different organisations on the same child.
    case child
    /// Signals on different children of one parent. The notice never names the sibling.
    case family
    /// Signals on different children at one (non-institutional) address. The notice never names the other child.
    case address
  }

  /// The match's id (name-based: the same two signals always make the same id).
  public var matchId: UUID
  /// The kind of match.
  public var kind: Kind
  /// The two matched signals; each party is told about the other.
  public var parties: [SignalParty]
  /// Who coordinates: for a child match the lead around the child (possibly a professional outside this pair),
  /// for a family or address match one of the two parties.
  public var regie: RegieHolder
  /// Codes of the municipalities whose follow-up officer is told of the match: those of the parties' organisations,
  /// sorted, without duplicates.
  public var municipalityCodes: [String]

  /// Creates a match notice.
  public init(
    matchId: UUID, kind: Kind, parties: [SignalParty], regie: RegieHolder, municipalityCodes: [String]
  ) {
    self.matchId = matchId
    self.kind = kind
    self.parties = parties
    self.regie = regie
    self.municipalityCodes = municipalityCodes
  }
}
