/// A Dutch citizen service number (burgerservicenummer): nine digits that pass the elfproef.
///
/// Only SignalIntake ever holds one; everything past it sees a ``Pseudonym``.
public struct BSN: Sendable, Hashable {
  /// The nine digits.
  public let digits: String

  /// Validates `text`: nine ASCII digits, not all zero, with 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11).
  public init?(_ text: String) {
    let bytes = Array(text.utf8)
    guard bytes.count == 9, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
    let values = bytes.map { Int($0 - 0x30) }
    guard values.contains(where: { $0 != 0 }) else { return nil }
    var sum = 0
    for (index, value) in values.enumerated() {
      sum += index == 8 ? -value : value * (9 - index)
    }
    guard sum % 11 == 0 else { return nil }
    digits = text
  }
}

extension BSN: CustomStringConvertible {
  /// Never the digits: a BSN must not reach a log line by accident.
  public var description: String { "BSN(redacted)" }
}
