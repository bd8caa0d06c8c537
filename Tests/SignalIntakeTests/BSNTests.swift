import Contract
import TestTags
import Testing

@Suite("BSN elfproef", .tags(.unit))
struct BSNTests {
  /// Numbers that pass the elfproef, among them ones published as examples of valid BSNs.
  @Test(arguments: ["111222333", "123456782", "999999990", "111111110", "010000008"])
  func valid(_ text: String) {
    #expect(BSN(text) != nil)
  }

  /// Wrong checksum, wrong length, not digits, all zeros.
  @Test(arguments: [
    "123456789", "111222334", "12345678", "1234567820", "12345678a", " 11122233", "000000000", "", "１１１２２２３３３",
  ])
  func invalid(_ text: String) {
    #expect(BSN(text) == nil)
  }

  @Test("a BSN never prints its digits")
  func redacted() {
    #expect("\(BSN("111222333")!)" == "BSN(redacted)")
  }
}
