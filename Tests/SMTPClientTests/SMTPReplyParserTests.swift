import NIOCore
import TestTags
import Testing

@testable import SMTPClient

@Suite("SMTP reply parser", .tags(.unit))
struct SMTPReplyParserTests {
  private func parse(_ chunks: String...) throws -> [SMTPReply] {
    var parser = SMTPReplyParser()
    var replies: [SMTPReply] = []
    for chunk in chunks {
      parser.append(ByteBuffer(string: chunk))
      while let reply = try parser.nextReply() {
        replies.append(reply)
      }
    }
    return replies
  }

  @Test func singleLineReply() throws {
    let replies = try self.parse("220 mail.example.test ESMTP ready\r\n")
    #expect(replies == [reply(220, "mail.example.test ESMTP ready")])
  }

  @Test func multiLineReplyIsOneReply() throws {
    let replies = try self.parse("250-mail.example.test\r\n250-PIPELINING\r\n250-SIZE 1000\r\n250 8BITMIME\r\n")
    #expect(replies == [reply(250, "mail.example.test", "PIPELINING", "SIZE 1000", "8BITMIME")])
    #expect(replies.first?.text == "mail.example.test\nPIPELINING\nSIZE 1000\n8BITMIME")
  }

  @Test func replySplitAcrossReadsAndSeveralRepliesInOneRead() throws {
    let replies = try self.parse("250-first\r", "\n250 sec", "ond\r\n354 go ahead\r\n221 bye\r\n")
    #expect(replies == [reply(250, "first", "second"), reply(354, "go ahead"), reply(221, "bye")])
  }

  @Test func codeWithoutTextAndBareLineFeed() throws {
    let replies = try self.parse("250\n451 4.3.0 try later\n")
    #expect(replies == [reply(250, ""), reply(451, "4.3.0 try later")])
  }

  @Test func incompleteReplyWaitsForMore() throws {
    var parser = SMTPReplyParser()
    parser.append(ByteBuffer(string: "250-first\r\n250-sec"))
    #expect(try parser.nextReply() == nil)
    #expect(parser.hasUnprocessedBytes)
    parser.append(ByteBuffer(string: "ond\r\n250 last\r\n"))
    #expect(try parser.nextReply() == reply(250, "first", "second", "last"))
    #expect(!parser.hasUnprocessedBytes)
  }

  @Test(arguments: ["hello\r\n", "25\r\n", "2500 x\r\n", "250x\r\n", "650 no\r\n", "abc def\r\n"])
  func malformedLineIsAProtocolViolation(_ input: String) {
    #expect {
      try self.parse(input)
    } throws: { error in
      (error as? SMTPError)?.kind == .protocolViolation
    }
  }

  @Test func continuationWithDifferentCodeIsAProtocolViolation() {
    #expect {
      try self.parse("250-first\r\n550 second\r\n")
    } throws: { error in
      (error as? SMTPError)?.kind == .protocolViolation
    }
  }

  @Test func overlongLineIsRefused() {
    let long = String(repeating: "x", count: SMTPReplyParser.maximumLineLength + 10)
    #expect(throws: SMTPError.self) {
      try self.parse("250 " + long)
    }
  }
}
