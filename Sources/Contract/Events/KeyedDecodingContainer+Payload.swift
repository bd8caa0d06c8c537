extension KeyedDecodingContainer {
  /// The payload of an event of type `eventType` under `key`; a missing member throws `keyNotFound` naming the
  /// member the type needs (a `null` or malformed one fails as `decode` fails).
  func decodePayload<Payload: Decodable>(forKey key: Key, of eventType: String) throws -> Payload {
    guard contains(key) else {
      throw DecodingError.keyNotFound(
        key,
        DecodingError.Context(
          codingPath: codingPath, debugDescription: "A \(eventType) event carries its payload in '\(key.stringValue)'"
        ))
    }
    return try decode(Payload.self, forKey: key)
  }
}
