import TestTags
import Testing

@testable import SMTPClient

@Suite("Quoted-printable encoding (RFC 2045)", .tags(.unit))
struct QuotedPrintableTests {
  @Test func asciiTextStaysReadable() {
    #expect(QuotedPrintable.encode("Hallo Jan, er is een melding.") == "Hallo Jan, er is een melding.")
  }

  @Test func equalsSignAndNonASCIIAreEscaped() {
    #expect(QuotedPrintable.encode("a=b") == "a=3Db")
    #expect(QuotedPrintable.encode("café ë") == "caf=C3=A9 =C3=AB")
    #expect(QuotedPrintable.encode("tab\there") == "tab\there")
    #expect(QuotedPrintable.encode("bell\u{7}") == "bell=07")
  }

  @Test func trailingWhitespaceIsEncoded() {
    #expect(QuotedPrintable.encode("space at end ") == "space at end=20")
    #expect(QuotedPrintable.encode("tab at end\t\nnext") == "tab at end=09\r\nnext")
  }

  @Test func lineBreaksBecomeCRLF() {
    #expect(QuotedPrintable.encode("one\ntwo\r\nthree\rfour\n") == "one\r\ntwo\r\nthree\r\nfour\r\n")
    #expect(QuotedPrintable.encode("\n\nx") == "\r\n\r\nx")
  }

  @Test func longLinesGetSoftLineBreaksAndStayWithin76() {
    let text = String(repeating: "abcdefghij", count: 20)
    let encoded = QuotedPrintable.encode(text)
    let lines = encoded.components(separatedBy: "\r\n")
    #expect(lines.count == 3)
    #expect(lines.allSatisfy { $0.count <= 76 })
    #expect(lines.dropLast().allSatisfy { $0.hasSuffix("=") && $0.count == 76 })
    #expect(decodeQuotedPrintable(encoded) == Array(text.utf8))
  }

  @Test func escapesAreNeverSplitBySoftLineBreaks() {
    let text = String(repeating: "é", count: 100) + " x " + String(repeating: "=", count: 50)
    let encoded = QuotedPrintable.encode(text)
    for line in encoded.components(separatedBy: "\r\n") {
      #expect(line.count <= 76)
      let withoutSoftBreak = line.hasSuffix("=") ? String(line.dropLast()) : line
      // Every `=` that remains starts a complete escape of two hex digits.
      let parts = withoutSoftBreak.components(separatedBy: "=").dropFirst()
      #expect(parts.allSatisfy { $0.count >= 2 && $0.prefix(2).allSatisfy(\.isHexDigit) })
    }
    #expect(decodeQuotedPrintable(encoded) == Array(text.utf8))
  }

  @Test func lineOfExactly76CharactersNeedsNoSoftBreak() {
    let text = String(repeating: "x", count: 76)
    #expect(QuotedPrintable.encode(text) == text)
    let longer = String(repeating: "x", count: 77)
    #expect(QuotedPrintable.encode(longer) == String(repeating: "x", count: 75) + "=\r\nxx")
  }

  @Test func trailingSpaceAtSoftBreakBoundaryRoundTrips() {
    let text = String(repeating: "y", count: 74) + " \nnext"
    let encoded = QuotedPrintable.encode(text)
    #expect(encoded.components(separatedBy: "\r\n").allSatisfy { $0.count <= 76 && !$0.hasSuffix(" ") })
    #expect(decodeQuotedPrintable(encoded) == Array((String(repeating: "y", count: 74) + " \r\nnext").utf8))
  }
}
