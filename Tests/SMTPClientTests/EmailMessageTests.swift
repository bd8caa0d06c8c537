import Foundation
import TestTags
import Testing

@testable import SMTPClient

@Suite("Addresses, header injection and the MIME message", .tags(.unit))
struct EmailMessageTests {
  @Test(arguments: [
    "jan@example.test\r\nRCPT TO:<evil@example.test>",
    "jan@example.test\n",
    "jan\r@example.test",
    "no-at-sign",
    "two@@example.test",
    "a@b@example.test",
    "@example.test",
    "jan@",
    "jan de vries@example.test",
    "<jan@example.test>",
    "jan@example.test>",
    "zoë@example.test",
    "",
  ])
  func invalidAddressesAreRefused(_ address: String) {
    #expect {
      try EmailAddress(address)
    } throws: { error in
      guard let error = error as? SMTPError else { return false }
      return error.kind == .invalidAddress && !error.isTransient && error.isMessageSpecific
    }
  }

  @Test func validAddresses() throws {
    let address = try EmailAddress("jan.de-vries+vi@zorg.example.test", name: "Jan")
    #expect(address.domain == "zorg.example.test")
    #expect(try EmailAddress("a@b", name: "").name == nil)
  }

  @Test(arguments: ["Jan\r\nBcc: evil@example.test", "Jan\n", "Jan\rX"])
  func lineBreakInDisplayNameIsRefused(_ name: String) {
    #expect(throws: SMTPError.self) {
      try EmailAddress("jan@example.test", name: name)
    }
  }

  @Test(arguments: ["Melding\r\nBcc: evil@example.test", "Melding\n", "Melding\r"])
  func lineBreakInSubjectIsRefused(_ subject: String) {
    #expect {
      try message(subject: subject)
    } throws: { error in
      (error as? SMTPError)?.kind == .invalidMessage
    }
  }

  @Test(arguments: ["<a@b>\r\nBcc: x@y", "no-domain", "<two@@x>", "with space@x", "<>"])
  func invalidMessageIDIsRefused(_ messageID: String) {
    #expect(throws: SMTPError.self) {
      try message(messageID: messageID)
    }
  }

  @Test func messageWithoutRecipientsIsRefused() {
    #expect(throws: SMTPError.self) {
      try message(to: [])
    }
  }

  @Test func mimeRepresentationHasAllHeadersAndQuotedPrintableBody() throws {
    let message = try message(
      to: ["jan@example.test", "piet@example.test"],
      subject: "Melding voor Zoë",
      body: "Beste collega,\n\nEr is een nieuwe melding über één jongere.\n.punt aan het begin\n",
      messageID: "melding-42@vi.test"
    )
    let rendered = message.mimeRepresentation(messageID: message.resolvedMessageID())
    #expect(headerField("Date", in: rendered) == "Tue, 25 Nov 2025 17:19:00 +0000")
    #expect(headerField("From", in: rendered) == "Verwijsindex <noreply@vi.test>")
    #expect(headerField("To", in: rendered) == "<jan@example.test>, <piet@example.test>")
    #expect(headerField("Subject", in: rendered).map(decodeEncodedWords) == "Melding voor Zoë")
    #expect(headerField("Message-ID", in: rendered) == "<melding-42@vi.test>")
    #expect(headerField("MIME-Version", in: rendered) == "1.0")
    #expect(headerField("Content-Type", in: rendered) == "text/plain; charset=utf-8")
    #expect(headerField("Content-Transfer-Encoding", in: rendered) == "quoted-printable")
    let body = rendered.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
    #expect(
      body
        == "Beste collega,\r\n\r\nEr is een nieuwe melding =C3=BCber =C3=A9=C3=A9n jongere.\r\n.punt aan het begin\r\n")
    // Everything is 7-bit and no line is longer than 76 characters.
    #expect(rendered.utf8.allSatisfy { $0 < 128 })
    #expect(rendered.components(separatedBy: "\r\n").allSatisfy { $0.count <= 76 })
  }

  @Test func manyRecipientsAreFoldedInTheToHeader() throws {
    let recipients = (1...10).map { "ontvanger\($0)@zorgaanbieder.example.test" }
    let message = try message(to: recipients)
    let rendered = message.mimeRepresentation(messageID: "<x@vi.test>")
    let to = try #require(headerField("To", in: rendered))
    #expect(to.components(separatedBy: "\r\n").count > 1)
    #expect(rendered.components(separatedBy: "\r\n").allSatisfy { $0.count <= 76 })
    #expect(to.replacingOccurrences(of: "\r\n", with: "") == recipients.map { "<\($0)>" }.joined(separator: ", "))
  }

  @Test func generatedMessageIDUsesTheSendersDomain() throws {
    let id = try message().resolvedMessageID()
    #expect(id.hasPrefix("<") && id.hasSuffix("@vi.test>"))
  }

  @Test func envelopeHasDotStuffedContentAndUniqueRecipients() throws {
    let message = try message(
      to: ["jan@example.test", "JAN@example.test", "piet@example.test"],
      body: ".begint met een punt\n"
    )
    let envelope = SMTPEnvelope(message: message, messageID: "<x@vi.test>")
    #expect(envelope.sender == "noreply@vi.test")
    #expect(envelope.recipients == ["jan@example.test", "piet@example.test"])
    let data = string(envelope.data)
    #expect(data.contains("\r\n..begint met een punt\r\n"))
    #expect(data.hasSuffix("\r\n.\r\n"))
  }
}
