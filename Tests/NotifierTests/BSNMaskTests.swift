import TestTags
import Testing

@testable import Notifier

@Suite("BSN masking of free text", .tags(.unit))
struct BSNMaskTests {
  @Test(arguments: [
    ("A-1 111222333", "A-1 *********"),
    ("1112.22.333", "****.**.***"),
    ("dossier 111 222 333 klaar", "dossier *** *** *** klaar"),
    ("111222333 en 12", "********* en 12"),
    ("111222334", "111222334"),  // fails the elfproef
    ("0201112222", "0201112222"),  // ten digits: a phone number
    ("P.J. Jansen", "P.J. Jansen"),
    ("", ""),
  ])
  func masksNineDigitsThatPassTheElfproef(_ text: String, _ masked: String) {
    #expect(BSNMask.masking(text) == masked)
  }
}
