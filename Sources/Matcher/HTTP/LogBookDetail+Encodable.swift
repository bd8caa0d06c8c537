import Foundation

extension LogBookDetail: Encodable {
  enum CodingKeys: String, CodingKey {
    case organisationId
    case archived
    case unjustified
    case archivedSignals
    case kind
    case otherSignalId
    case reason
    case found
    case signals
    case matches
    case eventId
    case stored
    case limit
    case from
    case to
    case after
    case entries
  }

  /// Writes the members that are set, as the rows written before had them: `eventId` in lower case,
  /// `otherSignalId` in upper case, `from` and `to` in ISO 8601.
  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encodeIfPresent(organisationId, forKey: .organisationId)
    try container.encodeIfPresent(archived, forKey: .archived)
    try container.encodeIfPresent(unjustified, forKey: .unjustified)
    try container.encodeIfPresent(archivedSignals, forKey: .archivedSignals)
    try container.encodeIfPresent(kind, forKey: .kind)
    try container.encodeIfPresent(otherSignalId?.uuidString, forKey: .otherSignalId)
    try container.encodeIfPresent(reason, forKey: .reason)
    try container.encodeIfPresent(found, forKey: .found)
    try container.encodeIfPresent(signals, forKey: .signals)
    try container.encodeIfPresent(matches, forKey: .matches)
    try container.encodeIfPresent(eventId?.uuidString.lowercased(), forKey: .eventId)
    try container.encodeIfPresent(stored, forKey: .stored)
    try container.encodeIfPresent(limit, forKey: .limit)
    try container.encodeIfPresent(from?.formatted(.iso8601), forKey: .from)
    try container.encodeIfPresent(to?.formatted(.iso8601), forKey: .to)
    try container.encodeIfPresent(after, forKey: .after)
    try container.encodeIfPresent(entries, forKey: .entries)
  }
}
