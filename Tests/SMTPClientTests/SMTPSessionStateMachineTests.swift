import Foundation
import NIOCore
import TestTags
import Testing

@testable import SMTPClient

@Suite("SMTP session state machine", .tags(.unit))
struct SMTPSessionStateMachineTests {
  private static let ehloReply = reply(250, "mail.example.test", "PIPELINING", "SIZE 1000000", "8BITMIME")

  /// A machine that has done greeting and EHLO and is ready for messages.
  private func readyMachine(ehloReply: SMTPReply = Self.ehloReply) -> SMTPSessionStateMachine {
    var machine = SMTPSessionStateMachine(configuration: .init(heloName: "client.test"))
    #expect(machine.channelActive() == .awaitGreeting)
    #expect(machine.replyReceived(reply(220, "mail.example.test ESMTP")) == .sendCommand(.ehlo("client.test")))
    #expect(machine.replyReceived(ehloReply) == .succeedStartup(SMTPCapabilities(ehloReply: ehloReply)))
    #expect(machine.state == .ready)
    return machine
  }

  private func failure(_ action: SMTPSessionStateMachine.Action) -> SMTPError? {
    switch action {
    case .failStartup(let error), .failMessage(let error), .failMessageAndClose(let error):
      return error
    default:
      return nil
    }
  }

  // MARK: - Set-up

  @Test func plainSessionSendsAMessageAndQuits() {
    var machine = self.readyMachine()
    let mail = envelope(to: ["a@example.test", "b@example.test"])
    let size = mail.data.readableBytes
    #expect(machine.messageRequested(mail) == .sendCommand(.mailFrom("noreply@vi.test", size: size)))
    #expect(machine.replyReceived(reply(250, "2.1.0 Ok")) == .sendCommand(.rcptTo("a@example.test")))
    #expect(machine.replyReceived(reply(250, "2.1.5 Ok")) == .sendCommand(.rcptTo("b@example.test")))
    #expect(machine.replyReceived(reply(251, "2.1.5 will forward")) == .sendCommand(.data))
    #expect(machine.replyReceived(reply(354, "go ahead")) == .sendData(mail.data))
    let accepted = reply(250, "2.0.0 Ok: queued as 4711")
    #expect(machine.replyReceived(accepted) == .succeedMessage(accepted))
    #expect(machine.state == .ready)
    #expect(machine.quitRequested() == .sendCommand(.quit))
    #expect(machine.replyReceived(reply(221, "bye")) == .close)
    #expect(machine.state == .closed)
    #expect(machine.channelInactive() == .none)
  }

  @Test func mailFromHasNoSizeWhenTheServerDoesNotAnnounceIt() {
    var machine = self.readyMachine(ehloReply: reply(250, "mail.example.test"))
    #expect(machine.messageRequested(envelope()) == .sendCommand(.mailFrom("noreply@vi.test", size: nil)))
  }

  @Test func ehloRefusedFallsBackToHELO() {
    var machine = SMTPSessionStateMachine(configuration: .init(heloName: "client.test"))
    _ = machine.channelActive()
    _ = machine.replyReceived(reply(220, "old server"))
    #expect(machine.replyReceived(reply(502, "5.5.2 command not recognized")) == .sendCommand(.helo("client.test")))
    #expect(machine.replyReceived(reply(250, "old server")) == .succeedStartup(.none))
  }

  @Test func ehloTemporaryFailureDoesNotFallBack() {
    var machine = SMTPSessionStateMachine(configuration: .init(heloName: "client.test"))
    _ = machine.channelActive()
    _ = machine.replyReceived(reply(220, "x"))
    let error = self.failure(machine.replyReceived(reply(451, "try later")))
    #expect(error?.kind == .commandRejected)
    #expect(error?.command == "EHLO")
    #expect(error?.isTransient == true)
  }

  @Test(arguments: [(554, SMTPError.Kind.greetingRejected, false), (421, SMTPError.Kind.serviceUnavailable, true)])
  func greetingRefused(_ code: Int, _ kind: SMTPError.Kind, _ isTransient: Bool) {
    var machine = SMTPSessionStateMachine(configuration: .init(heloName: "client.test"))
    _ = machine.channelActive()
    let action = machine.replyReceived(reply(code, "no"))
    guard case .failStartup(let error) = action else {
      Issue.record("expected failStartup, got \(action)")
      return
    }
    #expect(error.kind == kind)
    #expect(error.code == code)
    #expect(error.isTransient == isTransient)
    #expect(machine.state == .closed)
  }

  @Test func startTLSThenEHLOAgainThenAuthPlain() {
    let authentication = SMTPConfiguration.Authentication(username: "notifier", password: "geheim")
    var machine = SMTPSessionStateMachine(
      configuration: .init(heloName: "client.test", requiresStartTLS: true, authentication: authentication)
    )
    _ = machine.channelActive()
    _ = machine.replyReceived(reply(220, "x"))
    // Before TLS the server offers AUTH too, but the client must not use it yet.
    #expect(machine.replyReceived(reply(250, "x", "STARTTLS", "AUTH PLAIN LOGIN")) == .sendCommand(.startTLS))
    #expect(machine.replyReceived(reply(220, "2.0.0 Ready to start TLS")) == .startTLS)
    #expect(!machine.isTLSActive)
    #expect(machine.tlsStarted() == .sendCommand(.ehlo("client.test")))
    #expect(machine.isTLSActive)
    #expect(machine.capabilities == nil)
    let plain = Data("\0notifier\0geheim".utf8).base64EncodedString()
    #expect(
      machine.replyReceived(reply(250, "x", "AUTH LOGIN PLAIN"))
        == .sendCommand(.auth(mechanism: "PLAIN", initialResponse: plain))
    )
    #expect(
      machine.replyReceived(reply(235, "2.7.0 Authentication successful"))
        == .succeedStartup(
          SMTPCapabilities(ehloReply: reply(250, "x", "AUTH LOGIN PLAIN"))
        ))
  }

  @Test func startTLSRequiredButNotOfferedFailsWithoutFallingBack() {
    var machine = SMTPSessionStateMachine(configuration: .init(heloName: "client.test", requiresStartTLS: true))
    _ = machine.channelActive()
    _ = machine.replyReceived(reply(220, "x"))
    let error = self.failure(machine.replyReceived(reply(250, "x", "AUTH PLAIN")))
    #expect(error?.kind == .startTLSUnavailable)
    #expect(error?.isTransient == false)
    #expect(error?.isMessageSpecific == false)
    #expect(machine.state == .closed)
  }

  @Test func startTLSRefusedTemporarily() {
    var machine = SMTPSessionStateMachine(configuration: .init(heloName: "client.test", requiresStartTLS: true))
    _ = machine.channelActive()
    _ = machine.replyReceived(reply(220, "x"))
    _ = machine.replyReceived(reply(250, "x", "STARTTLS"))
    let error = self.failure(machine.replyReceived(reply(454, "4.7.0 TLS not available")))
    #expect(error?.kind == .startTLSUnavailable)
    #expect(error?.isTransient == true)
  }

  @Test func implicitTLSDoesNotSayStartTLS() {
    let authentication = SMTPConfiguration.Authentication(username: "u", password: "p")
    var machine = SMTPSessionStateMachine(
      configuration: .init(heloName: "client.test", startsWithTLS: true, authentication: authentication)
    )
    _ = machine.channelActive()
    _ = machine.replyReceived(reply(220, "x"))
    let action = machine.replyReceived(reply(250, "x", "STARTTLS", "AUTH PLAIN"))
    #expect(action == .sendCommand(.auth(mechanism: "PLAIN", initialResponse: "AHUAcA==")))
  }

  @Test func authLoginWhenPlainIsNotOffered() {
    let authentication = SMTPConfiguration.Authentication(username: "notifier", password: "geheim")
    var machine = SMTPSessionStateMachine(
      configuration: .init(heloName: "client.test", startsWithTLS: true, authentication: authentication)
    )
    _ = machine.channelActive()
    _ = machine.replyReceived(reply(220, "x"))
    #expect(
      machine.replyReceived(reply(250, "x", "AUTH LOGIN"))
        == .sendCommand(.auth(mechanism: "LOGIN", initialResponse: nil)))
    #expect(machine.replyReceived(reply(334, "VXNlcm5hbWU6")) == .sendCommand(.authResponse("bm90aWZpZXI=")))
    #expect(machine.replyReceived(reply(334, "UGFzc3dvcmQ6")) == .sendCommand(.authResponse("Z2VoZWlt")))
    #expect(
      machine.replyReceived(reply(235, "ok"))
        == .succeedStartup(SMTPCapabilities(ehloReply: reply(250, "x", "AUTH LOGIN"))))
  }

  @Test func authenticationFailureIsPermanentButNotAboutTheMessage() {
    let authentication = SMTPConfiguration.Authentication(username: "u", password: "wrong")
    var machine = SMTPSessionStateMachine(
      configuration: .init(heloName: "client.test", startsWithTLS: true, authentication: authentication)
    )
    _ = machine.channelActive()
    _ = machine.replyReceived(reply(220, "x"))
    _ = machine.replyReceived(reply(250, "x", "AUTH PLAIN"))
    let error = self.failure(machine.replyReceived(reply(535, "5.7.8 Authentication credentials invalid")))
    #expect(error?.kind == .authenticationFailed)
    #expect(error?.code == 535)
    #expect(error?.isTransient == false)
    #expect(error?.isMessageSpecific == false)
  }

  @Test func authenticationWithoutASupportedMechanism() {
    let authentication = SMTPConfiguration.Authentication(username: "u", password: "p", method: .login)
    var machine = SMTPSessionStateMachine(
      configuration: .init(heloName: "client.test", startsWithTLS: true, authentication: authentication)
    )
    _ = machine.channelActive()
    _ = machine.replyReceived(reply(220, "x"))
    let error = self.failure(machine.replyReceived(reply(250, "x", "AUTH PLAIN CRAM-MD5")))
    #expect(error?.kind == .authenticationUnavailable)
    #expect(error?.detail?.contains("CRAM-MD5 PLAIN") == true)
  }

  @Test func credentialsAreNotSentWithoutTLS() {
    let authentication = SMTPConfiguration.Authentication(username: "u", password: "p")
    var machine = SMTPSessionStateMachine(configuration: .init(heloName: "client.test", authentication: authentication))
    _ = machine.channelActive()
    _ = machine.replyReceived(reply(220, "x"))
    let error = self.failure(machine.replyReceived(reply(250, "x", "AUTH PLAIN")))
    #expect(error?.kind == .invalidConfiguration)

    let allowed = SMTPConfiguration.Authentication(username: "u", password: "p", allowsInsecureTransport: true)
    var insecure = SMTPSessionStateMachine(configuration: .init(heloName: "client.test", authentication: allowed))
    _ = insecure.channelActive()
    _ = insecure.replyReceived(reply(220, "x"))
    #expect(
      insecure.replyReceived(reply(250, "x", "AUTH PLAIN"))
        == .sendCommand(.auth(mechanism: "PLAIN", initialResponse: "AHUAcA==")))
  }

  // MARK: - Transactions

  @Test(arguments: [(550, false), (450, true), (551, false), (553, false)])
  func refusedRecipientResetsAndFailsTheMessage(_ code: Int, _ isTransient: Bool) {
    var machine = self.readyMachine()
    _ = machine.messageRequested(envelope(to: ["a@example.test", "b@example.test"]))
    _ = machine.replyReceived(reply(250, "ok"))
    _ = machine.replyReceived(reply(250, "ok"))
    #expect(machine.replyReceived(reply(code, "5.1.1 <b@example.test>: unknown", "really")) == .sendCommand(.rset))
    let error = self.failure(machine.replyReceived(reply(250, "2.0.0 Ok")))
    #expect(error?.kind == .recipientRejected)
    #expect(error?.recipient == "b@example.test")
    #expect(error?.command == "RCPT TO")
    #expect(error?.code == code)
    #expect(error?.serverMessage == "5.1.1 <b@example.test>: unknown\nreally")
    #expect(error?.isTransient == isTransient)
    #expect(error?.isMessageSpecific == true)
    // The connection stays usable.
    #expect(machine.state == .ready)
    #expect(
      machine.messageRequested(envelope())
        == .sendCommand(.mailFrom("noreply@vi.test", size: envelope().data.readableBytes)))
  }

  @Test func refusedSenderResetsAndFailsTheMessage() {
    var machine = self.readyMachine()
    _ = machine.messageRequested(envelope())
    #expect(machine.replyReceived(reply(451, "4.3.0 try again")) == .sendCommand(.rset))
    let error = self.failure(machine.replyReceived(reply(250, "ok")))
    #expect(error?.kind == .senderRejected)
    #expect(error?.isTransient == true)
  }

  @Test func dataRefusedResetsAndFailsTheMessage() {
    var machine = self.readyMachine()
    _ = machine.messageRequested(envelope())
    _ = machine.replyReceived(reply(250, "ok"))
    _ = machine.replyReceived(reply(250, "ok"))
    #expect(machine.replyReceived(reply(554, "5.5.1 no valid recipients")) == .sendCommand(.rset))
    let error = self.failure(machine.replyReceived(reply(250, "ok")))
    #expect(error?.kind == .messageRejected)
    #expect(error?.command == "DATA")
    #expect(error?.isTransient == false)
  }

  /// RFC 5321 needs no RSET after the final reply, but aiosmtpd keeps the refused envelope and answers the next MAIL
  /// with 503: so the client resets, and the message fails once RSET is answered.
  @Test(arguments: [(451, true), (452, true), (500, false), (552, false), (554, false)])
  func contentRefusedResetsAndFailsTheMessage(_ code: Int, _ isTransient: Bool) {
    var machine = self.readyMachine()
    let mail = envelope()
    _ = machine.messageRequested(mail)
    _ = machine.replyReceived(reply(250, "ok"))
    _ = machine.replyReceived(reply(250, "ok"))
    #expect(machine.replyReceived(reply(354, "go")) == .sendData(mail.data))
    #expect(machine.replyReceived(reply(code, "refused")) == .sendCommand(.rset))
    let action = machine.replyReceived(reply(250, "ok"))
    guard case .failMessage(let error) = action else {
      Issue.record("expected failMessage, got \(action)")
      return
    }
    #expect(error.kind == .messageRejected)
    #expect(error.command == "DATA")
    #expect(error.isTransient == isTransient)
    #expect(machine.state == .ready)
  }

  /// 503 says the server's session is out of step with ours, not that the message is wrong: the connection is
  /// closed, and the failure is transient and not about the message, so the message goes again on a new one.
  @Test func badSequenceClosesAndIsNotAboutTheMessage() {
    var machine = self.readyMachine()
    _ = machine.messageRequested(envelope())
    let action = machine.replyReceived(reply(503, "5.5.1 Error: nested MAIL command"))
    guard case .failMessageAndClose(let error) = action else {
      Issue.record("expected failMessageAndClose, got \(action)")
      return
    }
    #expect(error.kind == .outOfSequence)
    #expect(error.isTransient)
    #expect(!error.isMessageSpecific)
    #expect(machine.state == .closed)
  }

  @Test func serviceClosingDuringATransactionClosesTheConnection() {
    var machine = self.readyMachine()
    _ = machine.messageRequested(envelope())
    _ = machine.replyReceived(reply(250, "ok"))
    let action = machine.replyReceived(reply(421, "4.4.2 closing"))
    guard case .failMessageAndClose(let error) = action else {
      Issue.record("expected failMessageAndClose, got \(action)")
      return
    }
    #expect(error.kind == .serviceUnavailable)
    #expect(error.command == "RCPT TO")
    #expect(error.isTransient)
    #expect(machine.state == .closed)
  }

  @Test func failedResetClosesAndReportsTheOriginalRefusal() {
    var machine = self.readyMachine()
    _ = machine.messageRequested(envelope())
    _ = machine.replyReceived(reply(550, "no such sender"))
    let action = machine.replyReceived(reply(500, "what?"))
    #expect(self.failure(action)?.kind == .senderRejected)
    #expect(self.failure(action)?.code == 550)
    #expect(machine.state == .closed)
  }

  @Test func tooLargeMessageFailsBeforeMailFrom() {
    var machine = self.readyMachine(ehloReply: reply(250, "x", "SIZE 10"))
    let action = machine.messageRequested(envelope())
    #expect(self.failure(action)?.kind == .messageTooLarge)
    #expect(machine.state == .ready)
  }

  @Test func unsolicitedServiceClosingWhileIdleClosesTheConnection() {
    var machine = self.readyMachine()
    #expect(machine.replyReceived(reply(421, "4.4.2 idle timeout")) == .close)
    #expect(machine.state == .closed)
    #expect(self.failure(machine.messageRequested(envelope()))?.kind == .connectionClosed)
  }

  // MARK: - Time-outs, errors and closed connections

  @Test func greetingTimeout() {
    var machine = SMTPSessionStateMachine(configuration: .init(heloName: "client.test"))
    _ = machine.channelActive()
    let action = machine.timeoutFired()
    guard case .failStartup(let error) = action else {
      Issue.record("expected failStartup, got \(action)")
      return
    }
    #expect(error.kind == .timeout)
    #expect(error.isTransient)
  }

  @Test func commandTimeoutDuringATransaction() {
    var machine = self.readyMachine()
    _ = machine.messageRequested(envelope())
    _ = machine.replyReceived(reply(250, "ok"))
    let action = machine.timeoutFired()
    guard case .failMessageAndClose(let error) = action else {
      Issue.record("expected failMessageAndClose, got \(action)")
      return
    }
    #expect(error.kind == .timeout)
    #expect(error.command == "RCPT TO")
  }

  @Test func endOfDataTimeoutWarnsAboutPossibleDelivery() {
    var machine = self.readyMachine()
    _ = machine.messageRequested(envelope())
    _ = machine.replyReceived(reply(250, "ok"))
    _ = machine.replyReceived(reply(250, "ok"))
    _ = machine.replyReceived(reply(354, "go"))
    let error = self.failure(machine.timeoutFired())
    #expect(error?.kind == .timeout)
    #expect(error?.detail?.contains("may still deliver") == true)
  }

  @Test func staleTimeoutWhileIdleIsIgnored() {
    var machine = self.readyMachine()
    #expect(machine.timeoutFired() == .none)
    #expect(machine.state == .ready)
  }

  @Test func connectionLostDuringDataFailsTheMessage() {
    var machine = self.readyMachine()
    _ = machine.messageRequested(envelope())
    _ = machine.replyReceived(reply(250, "ok"))
    _ = machine.replyReceived(reply(250, "ok"))
    _ = machine.replyReceived(reply(354, "go"))
    let action = machine.channelInactive()
    guard case .failMessageAndClose(let error) = action else {
      Issue.record("expected failMessageAndClose, got \(action)")
      return
    }
    #expect(error.kind == .connectionClosed)
    #expect(error.command == "DATA")
    #expect(error.isTransient)
  }

  @Test func connectionLostDuringSetUpFailsTheStartup() {
    var machine = SMTPSessionStateMachine(configuration: .init(heloName: "client.test"))
    _ = machine.channelActive()
    _ = machine.replyReceived(reply(220, "x"))
    #expect(self.failure(machine.channelInactive())?.kind == .connectionClosed)
  }

  @Test func tlsErrorDuringSetUp() {
    var machine = SMTPSessionStateMachine(configuration: .init(heloName: "client.test", requiresStartTLS: true))
    _ = machine.channelActive()
    _ = machine.replyReceived(reply(220, "x"))
    _ = machine.replyReceived(reply(250, "x", "STARTTLS"))
    _ = machine.replyReceived(reply(220, "go"))
    _ = machine.tlsStarted()
    let error = self.failure(machine.errorCaught(SMTPError(kind: .tlsFailed, detail: "certificate verify failed")))
    #expect(error?.kind == .tlsFailed)
    #expect(error?.isTransient == true)
    #expect(machine.state == .closed)
  }

  @Test func quitDuringSetUpFailsTheStartup() {
    var machine = SMTPSessionStateMachine(configuration: .init(heloName: "client.test"))
    _ = machine.channelActive()
    #expect(self.failure(machine.quitRequested())?.kind == .clientShutdown)
    #expect(machine.quitRequested() == .none)
  }

  @Test func quitTimeoutCloses() {
    var machine = self.readyMachine()
    _ = machine.quitRequested()
    #expect(machine.timeoutFired() == .close)
  }

  @Test func messageWhileBusyIsRefused() {
    var machine = self.readyMachine()
    _ = machine.messageRequested(envelope())
    #expect(self.failure(machine.messageRequested(envelope())) != nil)
    // The first transaction goes on.
    #expect(machine.replyReceived(reply(250, "ok")) == .sendCommand(.rcptTo("jan@example.test")))
  }
}
