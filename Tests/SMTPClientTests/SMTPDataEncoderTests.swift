import NIOCore
import TestTags
import Testing

@testable import SMTPClient

@Suite("Line endings and dot-stuffing (RFC 5321 §4.5.2)", .tags(.unit))
struct SMTPDataEncoderTests {
  @Test func lineEndingsAreNormalisedToCRLF() {
    #expect(LineEndings.normalized("a\nb\r\nc\rd") == "a\r\nb\r\nc\r\nd")
    #expect(LineEndings.normalized("a\n") == "a\r\n")
    #expect(LineEndings.normalized("a\r\n\r\n") == "a\r\n\r\n")
    #expect(LineEndings.normalized("\n") == "\r\n")
    #expect(LineEndings.normalized("") == "")
    #expect(LineEndings.normalized("\r\r\n") == "\r\n\r\n")
  }

  @Test func linesStartingWithADotGetASecondDot() {
    #expect(SMTPDataEncoder.dotStuffed(".hidden\nnormal\n..two\n.") == "..hidden\r\nnormal\r\n...two\r\n..")
    #expect(SMTPDataEncoder.dotStuffed("a.b\n .c") == "a.b\r\n .c")
  }

  @Test func encodedDataEndsWithTheTerminator() {
    #expect(string(SMTPDataEncoder.encode("Subject: x\r\n\r\nbody")) == "Subject: x\r\n\r\nbody\r\n.\r\n")
    #expect(string(SMTPDataEncoder.encode("body\r\n")) == "body\r\n.\r\n")
    #expect(string(SMTPDataEncoder.encode(".\n")) == "..\r\n.\r\n")
  }

  @Test func noBareCROrLFReachesTheWire() {
    let data = string(SMTPDataEncoder.encode("a\rb\nc\r\n\n\rd"))
    let bytes = Array(data.utf8)
    for (index, byte) in bytes.enumerated() {
      if byte == UInt8(ascii: "\r") {
        #expect(index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n"))
      }
      if byte == UInt8(ascii: "\n") {
        #expect(index > 0 && bytes[index - 1] == UInt8(ascii: "\r"))
      }
    }
  }
}
