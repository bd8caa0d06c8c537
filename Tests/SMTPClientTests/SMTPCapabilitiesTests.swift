import TestTags
import Testing

@testable import SMTPClient

@Suite("EHLO capabilities", .tags(.unit))
struct SMTPCapabilitiesTests {
  @Test func readsExtensionsFromEHLOReply() {
    let capabilities = SMTPCapabilities(
      ehloReply: reply(
        250,
        "mail.example.test Hello client",
        "PIPELINING",
        "SIZE 10240000",
        "starttls",
        "AUTH PLAIN LOGIN",
        "8BITMIME",
        "ENHANCEDSTATUSCODES"
      )
    )
    #expect(capabilities.supportsStartTLS)
    #expect(capabilities.authenticationMechanisms == ["PLAIN", "LOGIN"])
    #expect(capabilities.maximumMessageSize == 10_240_000)
    #expect(capabilities.supports("8bitmime"))
    #expect(capabilities.supports("PIPELINING"))
    #expect(!capabilities.supports("SMTPUTF8"))
  }

  @Test func oldStyleAuthEqualsAndUnlimitedSize() {
    let capabilities = SMTPCapabilities(ehloReply: reply(250, "mail.example.test", "AUTH=LOGIN", "SIZE 0"))
    #expect(capabilities.authenticationMechanisms == ["LOGIN"])
    #expect(capabilities.maximumMessageSize == nil)
    #expect(capabilities.supportsSize)
    #expect(!capabilities.supportsStartTLS)
  }

  @Test func greetingLineIsNotAnExtension() {
    let capabilities = SMTPCapabilities(ehloReply: reply(250, "STARTTLS.example.test"))
    #expect(!capabilities.supportsStartTLS)
  }
}
