public import Foundation

/// A match for the Notifier: which signals of which professionals were matched, of what kind, and who has regie.
public struct MatchEvent: Codable, Sendable, Hashable {
  /// The kind of match.
  public enum Kind: String, Codable, Sendable {
    /// Signals of different organisations on the same child.
    case child
    /// Signals on different children of one parent.
    case family
  }

  /// Unique per event; the Notifier records (event, recipient) so that a redelivery sends nothing twice.
  public var eventId: UUID
  /// The match's id.
  public var matchId: UUID
  /// The kind of match.
  public var kind: Kind
  /// When the match was made.
  public var occurredAt: Date
  /// The matched signals; each party is told about the others.
  public var parties: [MatchParty]

  /// Creates a match event.
  public init(eventId: UUID, matchId: UUID, kind: Kind, occurredAt: Date, parties: [MatchParty]) {
    self.eventId = eventId
    self.matchId = matchId
    self.kind = kind
    self.occurredAt = occurredAt
    self.parties = parties
  }
}
