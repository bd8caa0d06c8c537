import Crypto
public import Foundation

/// Name-based UUIDs: the same parts always give the same id, so a repeated command or decision yields the same
/// signal or event id, which consumers use to recognise the repetition.
public enum StableID {
  /// A UUID (version 5 layout, from SHA-256 instead of SHA-1) of `parts`.
  public static func make(_ parts: String...) -> UUID {
    var bytes = Array(SHA256.hash(data: Array(parts.joined(separator: "\u{0}").utf8)).prefix(16))
    bytes[6] = (bytes[6] & 0x0F) | 0x50
    bytes[8] = (bytes[8] & 0x3F) | 0x80
    return UUID(
      uuid: (
        bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9],
        bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
      ))
  }
}
