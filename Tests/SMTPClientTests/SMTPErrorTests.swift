import TestTags
import Testing

@testable import SMTPClient

@Suite("Error classification", .tags(.unit))
struct SMTPErrorTests {
  @Test(arguments: [
    (421, true), (450, true), (451, true), (452, true), (454, true), (550, false), (552, false),
    (553, false), (554, false), (535, false),
  ])
  func replyClassDecides(_ code: Int, _ isTransient: Bool) {
    let error = SMTPError(kind: .recipientRejected, code: code, serverMessage: "x")
    #expect(error.isTransient == isTransient)
  }

  @Test func localErrorsAreClassifiedByKind() {
    #expect(SMTPError(kind: .timeout).isTransient)
    #expect(SMTPError(kind: .connectionClosed).isTransient)
    #expect(SMTPError(kind: .connectionFailed).isTransient)
    #expect(SMTPError(kind: .tlsFailed).isTransient)
    #expect(!SMTPError(kind: .startTLSUnavailable).isTransient)
    #expect(!SMTPError(kind: .invalidAddress).isTransient)
    #expect(!SMTPError(kind: .messageTooLarge).isTransient)
  }

  @Test func messageSpecificErrors() {
    #expect(SMTPError(kind: .recipientRejected, code: 550).isMessageSpecific)
    #expect(!SMTPError(kind: .authenticationFailed, code: 535).isMessageSpecific)
    #expect(!SMTPError(kind: .startTLSUnavailable).isMessageSpecific)
  }

  @Test func descriptionSaysWhatHappenedAndWhatToDo() {
    let error = SMTPError(
      kind: .recipientRejected,
      code: 550,
      serverMessage: "5.1.1 <x@example.test>: Recipient address rejected\nUser unknown",
      command: "RCPT TO",
      recipient: "x@example.test"
    )
    let description = error.description
    #expect(description.contains("recipientRejected"))
    #expect(description.contains("RCPT TO"))
    #expect(description.contains("550 5.1.1"))
    #expect(description.contains(" / User unknown"))
    #expect(description.contains("permanent"))
    #expect(description.contains("Do not retry this message"))
  }

  @Test func credentialsAreNotInDescriptions() {
    let authentication = SMTPConfiguration.Authentication(username: "notifier", password: "geheim")
    #expect(!"\(authentication)".contains("geheim"))
    #expect(!String(reflecting: authentication).contains("geheim"))
    let command = SMTPCommand.auth(mechanism: "PLAIN", initialResponse: "AG5vdGlmaWVyAGdlaGVpbQ==")
    #expect(!command.redactedLine.contains("AG5v"))
    #expect(!SMTPCommand.authResponse("Z2VoZWlt").redactedLine.contains("Z2Vo"))
  }
}
