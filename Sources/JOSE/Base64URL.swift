/// The base64url encoding of RFC 4648 §5 without padding, as JOSE (RFC 7515 §2) uses it.
///
/// Decoding is strict: only the alphabet `A–Z a–z 0–9 - _` is accepted (no padding, whitespace or line breaks), a
/// length that leaves one character over is rejected, and the unused bits of the last character must be zero, so
/// every byte sequence has exactly one accepted encoding.
public enum Base64URL {
  private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

  /// The 6-bit value of each ASCII byte, or `0xFF` for bytes outside the alphabet.
  private static let values: [UInt8] = {
    var table = [UInt8](repeating: 0xFF, count: 256)
    for (value, character) in alphabet.enumerated() {
      table[Int(character)] = UInt8(value)
    }
    return table
  }()

  /// Encodes `bytes` without padding.
  public static func encode(_ bytes: some Sequence<UInt8>) -> String {
    let input = Array(bytes)
    var output: [UInt8] = []
    output.reserveCapacity((input.count * 4 + 2) / 3)
    var index = 0
    while index + 3 <= input.count {
      let group = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8 | UInt32(input[index + 2])
      output.append(contentsOf: (0..<4).map { alphabet[Int(group >> (18 - 6 * $0) & 0x3F)] })
      index += 3
    }
    switch input.count - index {
    case 1:
      let group = UInt32(input[index]) << 16
      output.append(contentsOf: (0..<2).map { alphabet[Int(group >> (18 - 6 * $0) & 0x3F)] })
    case 2:
      let group = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8
      output.append(contentsOf: (0..<3).map { alphabet[Int(group >> (18 - 6 * $0) & 0x3F)] })
    default:
      break
    }
    return String(decoding: output, as: UTF8.self)
  }

  /// Decodes unpadded base64url text.
  ///
  /// - Throws: ``Base64URLError`` when `text` has a character outside the alphabet, a length of 4n + 1, or
  ///   non-zero unused bits at the end.
  public static func decode(_ text: some StringProtocol) throws(Base64URLError) -> [UInt8] {
    try decode(bytes: Array(text.utf8))
  }

  /// Decodes unpadded base64url given as its ASCII bytes (a segment of a compact JWS, for instance).
  static func decode(bytes text: some Collection<UInt8>) throws(Base64URLError) -> [UInt8] {
    let input = Array(text)
    var output: [UInt8] = []
    output.reserveCapacity(input.count * 3 / 4)
    var accumulator: UInt32 = 0
    var bits = 0
    for (offset, character) in input.enumerated() {
      let value = values[Int(character)]
      guard value != 0xFF else { throw .invalidCharacter(offset: offset) }
      accumulator = accumulator << 6 | UInt32(value)
      bits += 6
      if bits >= 8 {
        bits -= 8
        output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
        accumulator &= (1 << UInt32(bits)) - 1
      }
    }
    guard input.count % 4 != 1 else { throw .invalidLength(input.count) }
    guard accumulator == 0 else { throw .nonCanonical }
    return output
  }
}
