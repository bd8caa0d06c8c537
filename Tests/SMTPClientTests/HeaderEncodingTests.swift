import Foundation
import TestTags
import Testing

@testable import SMTPClient

@Suite("Header encoding: RFC 2047 subjects, folding, addresses, dates", .tags(.unit))
struct HeaderEncodingTests {
  @Test func asciiSubjectIsNotEncoded() {
    #expect(HeaderField.subject("Nieuwe melding") == "Subject: Nieuwe melding")
  }

  @Test func nonASCIISubjectIsEncodedAsBase64Words() {
    let header = HeaderField.subject("Melding over Zoë")
    #expect(header == "Subject: =?UTF-8?B?TWVsZGluZyBvdmVyIFpvw6s=?=")
    #expect(decodeEncodedWords(String(header.dropFirst("Subject: ".count))) == "Melding over Zoë")
  }

  @Test func longNonASCIISubjectIsFoldedIntoWordsOfWholeCharacters() throws {
    let subject = String(repeating: "Één melding met ß en 🙂 ", count: 6)
    let header = HeaderField.subject(subject)
    let lines = header.components(separatedBy: "\r\n")
    #expect(lines.count > 2)
    #expect(lines.allSatisfy { $0.count <= 76 })
    #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" =?UTF-8?B?") })
    let words = header.dropFirst("Subject: ".count).split(whereSeparator: \.isWhitespace)
    #expect(words.allSatisfy { $0.count <= 75 && $0.hasSuffix("?=") })
    // Each word decodes on its own to valid UTF-8: no character is split between words.
    for word in words {
      let data = try #require(Data(base64Encoded: String(word.dropFirst("=?UTF-8?B?".count).dropLast(2))))
      #expect(String(data: data, encoding: .utf8) != nil)
    }
    #expect(decodeEncodedWords(String(header.dropFirst("Subject: ".count))) == subject)
  }

  @Test func asciiSubjectThatLooksLikeAnEncodedWordIsEncoded() {
    let header = HeaderField.subject("=?UTF-8?B?trick?=")
    #expect(header.hasPrefix("Subject: =?UTF-8?B?"))
    #expect(decodeEncodedWords(String(header.dropFirst("Subject: ".count))) == "=?UTF-8?B?trick?=")
  }

  @Test func longASCIISubjectIsFoldedAtSpaces() {
    let subject = (1...30).map { "woord\($0)" }.joined(separator: " ")
    let header = HeaderField.subject(subject)
    let lines = header.components(separatedBy: "\r\n")
    #expect(lines.count > 1)
    #expect(lines.allSatisfy { $0.count <= 76 })
    #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
    // Unfolding (removing CRLF before the space) gives the original.
    #expect(header.replacingOccurrences(of: "\r\n", with: "") == "Subject: " + subject)
  }

  @Test func overlongASCIIWordIsEncodedSoNoLineExceedsTheLimit() {
    let subject = "kort " + String(repeating: "x", count: 1200)
    let header = HeaderField.subject(subject)
    #expect(header.components(separatedBy: "\r\n").allSatisfy { $0.count <= 76 })
    #expect(decodeEncodedWords(String(header.dropFirst("Subject: ".count))) == subject)
  }

  @Test func displayNames() throws {
    #expect(try EmailAddress("jan@example.test").headerValue == "<jan@example.test>")
    #expect(try EmailAddress("jan@example.test", name: "Jan de Vries").headerValue == "Jan de Vries <jan@example.test>")
    #expect(
      try EmailAddress("jan@example.test", name: "Vries, Jan \"JJ\"").headerValue
        == "\"Vries, Jan \\\"JJ\\\"\" <jan@example.test>"
    )
    let encoded = try EmailAddress("zoe@example.test", name: "Zoë Bakker").headerValue
    #expect(encoded == "=?UTF-8?B?Wm/DqyBCYWtrZXI=?= <zoe@example.test>")
  }

  @Test(arguments: [
    (0.0, "Thu, 1 Jan 1970 00:00:00 +0000"),
    (1_764_091_140.0, "Tue, 25 Nov 2025 17:19:00 +0000"),
    (951_782_400.0, "Tue, 29 Feb 2000 00:00:00 +0000"),
    (4_133_980_799.0, "Fri, 31 Dec 2100 23:59:59 +0000"),
    (-1.0, "Wed, 31 Dec 1969 23:59:59 +0000"),
  ])
  func rfc5322Dates(_ seconds: Double, _ expected: String) {
    #expect(RFC5322Date.string(from: Date(timeIntervalSince1970: seconds)) == expected)
  }

  @Test func generatedMessageIDsAreUniqueAndInTheSendersDomain() {
    let first = MessageID.generate(domain: "vi.test")
    let second = MessageID.generate(domain: "vi.test")
    #expect(first != second)
    #expect(first.hasPrefix("<") && first.hasSuffix("@vi.test>"))
    #expect(first.count == "<@vi.test>".count + 32)
  }
}
