import Foundation

extension NoticeEvent: Codable {
  /// The members of the encoded event: the type tag and the payload under the member its type names.
  enum CodingKeys: String, CodingKey {
    case eventId
    case type
    case occurredAt
    case match
    case historical
    case regie
    case expiry
    case withdrawal
  }

  /// Decodes an event, throwing a `DecodingError` when the payload its `type` names is missing.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    eventId = try container.decode(UUID.self, forKey: .eventId)
    occurredAt = try container.decode(Date.self, forKey: .occurredAt)
    let type = try container.decode(EventType.self, forKey: .type)
    func payload<Payload: Decodable>(_ key: CodingKeys) throws -> Payload {
      try container.decodePayload(forKey: key, of: type.rawValue)
    }
    content =
      switch type {
      case .match: .match(try payload(.match))
      case .historical: .historical(try payload(.historical))
      case .regie: .regie(try payload(.regie))
      case .expiryReminder: .expiryReminder(try payload(.expiry))
      case .expired: .expired(try payload(.expiry))
      case .withdrawn: .withdrawn(try payload(.withdrawal))
      }
  }

  /// Encodes the event as it always was: the type tag and the payload under the member its type names
  /// (`expiry` for both a reminder and an expiry).
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(eventId, forKey: .eventId)
    try container.encode(type, forKey: .type)
    try container.encode(occurredAt, forKey: .occurredAt)
    switch content {
    case .match(let match): try container.encode(match, forKey: .match)
    case .historical(let historical): try container.encode(historical, forKey: .historical)
    case .regie(let regie): try container.encode(regie, forKey: .regie)
    case .expiryReminder(let expiry), .expired(let expiry): try container.encode(expiry, forKey: .expiry)
    case .withdrawn(let withdrawal): try container.encode(withdrawal, forKey: .withdrawal)
    }
  }
}
