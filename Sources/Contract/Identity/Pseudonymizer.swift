import Crypto
import Foundation

/// Turns BSNs and identities of children without a BSN into ``Pseudonym``s with HMAC-SHA256 under
/// `VI_PSEUDONYM_KEY`. The same input and key always give the same pseudonym; without the key it cannot be reversed
/// or recomputed.
///
/// During a key rotation it also knows the previous key, and gives the pseudonyms under it (``previous``), so that
/// the services can rename what they stored (see ``Rekeying``).
public struct Pseudonymizer: Sendable {
  private let key: SymmetricKey
  private let previousKey: SymmetricKey?

  /// Creates a pseudonymizer with the region's key (at least 32 random bytes) and, during a rotation, the key it
  /// replaced.
  public init(key: [UInt8], previousKey: [UInt8]? = nil) {
    self.key = SymmetricKey(data: key)
    self.previousKey = previousKey.map { SymmetricKey(data: $0) }
  }

  /// The same pseudonymizer under the previous key, during a rotation; `nil` otherwise.
  public var previous: Pseudonymizer? {
    previousKey.map { Pseudonymizer(key: $0) }
  }

  private init(key: SymmetricKey) {
    self.key = key
    self.previousKey = nil
  }

  /// The pseudonym of a person with a BSN.
  public func pseudonym(for bsn: BSN) -> Pseudonym {
    pseudonym(of: "bsn:" + bsn.digits)
  }

  /// The pseudonym of a child without a BSN (the *verwijsindex service number*): from the normalised family
  /// name, birth date and gender, so that spelling variants in case, diacritics and spacing give the same one.
  public func pseudonym(familyName: String, birthDate: CalendarDate, gender: String) -> Pseudonym {
    pseudonym(of: "identity:\(Self.normalise(familyName))|\(birthDate)|\(gender.uppercased())")
  }

  /// Folds case and diacritics, and removes spacing, hyphens and apostrophes: "Van  der Berg-Ünal" and
  /// "vanderberg unal" are the same name.
  public static func normalise(_ name: String) -> String {
    let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    return String(
      folded.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
  }

  func pseudonym(of input: String) -> Pseudonym {
    let code = HMAC<SHA256>.authenticationCode(for: Array(input.utf8), using: key)
    return Pseudonym(value: code.map { String(format: "%02x", $0) }.joined())
  }
}
