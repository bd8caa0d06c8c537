public import Foundation

/// The JSON encoding of every event and command: ISO 8601 instants, sorted keys.
public enum EventCoding {
  /// An encoder for events.
  public static func encoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.dateEncodingStrategy = .iso8601
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }

  /// A decoder for events.
  public static func decoder() -> JSONDecoder {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    return decoder
  }

  /// Encodes `value` to bytes.
  public static func encode(_ value: some Encodable) throws -> [UInt8] {
    Array(try encoder().encode(value))
  }

  /// Decodes a `T` from bytes.
  public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> T {
    try decoder().decode(type, from: Data(bytes))
  }
}
