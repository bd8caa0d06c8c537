import Foundation

extension SignalEvent: Codable {
  /// The members of the encoded event: the type tag, the payload under the member its type names, and the rest.
  enum CodingKeys: String, CodingKey {
    case eventId
    case type
    case occurredAt
    case childPseudonym
    case registered
    case ended
    case expired
    case reminder
    case purged
    case erased
    case corrected
    case rekeying
  }

  /// Decodes an event, throwing a `DecodingError` when the payload its `type` names is missing.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    eventId = try container.decode(UUID.self, forKey: .eventId)
    occurredAt = try container.decode(Date.self, forKey: .occurredAt)
    childPseudonym = try container.decode(Pseudonym.self, forKey: .childPseudonym)
    rekeying = try container.decodeIfPresent(Rekeying.self, forKey: .rekeying)
    let type = try container.decode(EventType.self, forKey: .type)
    func payload<Payload: Decodable>(_ key: CodingKeys) throws -> Payload {
      try container.decodePayload(forKey: key, of: type.rawValue)
    }
    change =
      switch type {
      case .registered: .registered(try payload(.registered))
      case .ended: .ended(try payload(.ended))
      case .expired: .expired(try payload(.expired))
      case .expiryReminder: .expiryReminder(try payload(.reminder))
      case .purged: .purged(try payload(.purged))
      case .childErased: .childErased(try payload(.erased))
      case .childCorrected: .childCorrected(try payload(.corrected))
      }
  }

  /// Encodes the event as it always was: the type tag, the payload under the member its type names, and the
  /// rekeying when there is one.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(eventId, forKey: .eventId)
    try container.encode(type, forKey: .type)
    try container.encode(occurredAt, forKey: .occurredAt)
    try container.encode(childPseudonym, forKey: .childPseudonym)
    switch change {
    case .registered(let registration): try container.encode(registration, forKey: .registered)
    case .ended(let ending): try container.encode(ending, forKey: .ended)
    case .expired(let expiry): try container.encode(expiry, forKey: .expired)
    case .expiryReminder(let reminder): try container.encode(reminder, forKey: .reminder)
    case .purged(let purge): try container.encode(purge, forKey: .purged)
    case .childErased(let erasure): try container.encode(erasure, forKey: .erased)
    case .childCorrected(let correction): try container.encode(correction, forKey: .corrected)
    }
    try container.encodeIfPresent(rekeying, forKey: .rekeying)
  }
}
