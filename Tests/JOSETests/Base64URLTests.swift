import TestTags
import Testing

@testable import JOSE

@Suite("Base64URL", .tags(.unit))
struct Base64URLTests {
  @Test(
    "encodes the RFC 4648 §10 test vectors without padding",
    arguments: [
      ("", ""), ("f", "Zg"), ("fo", "Zm8"), ("foo", "Zm9v"), ("foob", "Zm9vYg"), ("fooba", "Zm9vYmE"),
      ("foobar", "Zm9vYmFy"),
    ])
  func vectors(plain: String, encoded: String) throws {
    #expect(Base64URL.encode(plain.utf8) == encoded)
    #expect(try Base64URL.decode(encoded) == Array(plain.utf8))
  }

  @Test("uses - and _ where standard base64 has + and /")
  func urlAlphabet() throws {
    #expect(Base64URL.encode([0xFB, 0xFF, 0xBF]) == "-_-_")
    #expect(try Base64URL.decode("-_-_") == [0xFB, 0xFF, 0xBF])
  }

  @Test("round-trips every length up to 70 bytes and all byte values")
  func roundTrip() throws {
    for length in 0...70 {
      let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ length) }
      #expect(try Base64URL.decode(Base64URL.encode(bytes)) == bytes)
    }
    let all = (0...255).map { UInt8($0) }
    #expect(try Base64URL.decode(Base64URL.encode(all)) == all)
  }

  @Test(
    "rejects padding, whitespace, standard-base64 characters and non-ASCII",
    arguments: [
      ("Zg==", 2), ("Zm9v\n", 4), (" Zm9v", 0), ("Zm+v", 2), ("Zm/v", 2), ("Zm9ü", 3), ("Zm.v", 2),
    ])
  func invalidCharacters(text: String, offset: Int) {
    #expect(throws: Base64URLError.invalidCharacter(offset: offset)) { try Base64URL.decode(text) }
  }

  @Test("rejects a length of 4n + 1", arguments: ["Z", "Zm9vY"])
  func invalidLength(text: String) {
    #expect(throws: Base64URLError.invalidLength(text.count)) { try Base64URL.decode(text) }
  }

  @Test("rejects non-zero unused bits, so every byte sequence has one encoding", arguments: ["Zh", "Zm9"])
  func nonCanonical(text: String) {
    #expect(throws: Base64URLError.nonCanonical) { try Base64URL.decode(text) }
  }
}
