/// Historical involvement: a new signal on a child who has archived signals of other professionals. Sent once per
/// (archived signal, professional), to the new signaller only.
public struct HistoricalNotice: Codable, Sendable, Hashable {
  /// The new signal; its professional is the only recipient.
  public var recipient: SignalParty
  /// The archived signals shown now, oldest first.
  public var archived: [ArchivedInvolvement]

  /// Creates a historical notice.
  public init(recipient: SignalParty, archived: [ArchivedInvolvement]) {
    self.recipient = recipient
    self.archived = archived
  }
}
