import TestTags
import Testing

@testable import JOSE

@Suite("StrictJSONParser (JOSE headers and claims)", .tags(.unit))
struct StrictJSONParserTests {
  private func parse(_ text: String) throws(JSONParseError) -> [String: JSONValue] {
    try StrictJSONParser.parseObject(Array(text.utf8))
  }

  @Test("reads an object with every kind of value")
  func everyKind() throws {
    let object = try parse(
      #" { "s": "a\"b\\c\/d\n\u00e9\ud83d\ude00", "n": -12.5e1, "z": 0, "t": true, "f": false, "x": null,"#
        + #" "a": [1, "two", {}], "o": {"k": []} } "#)
    #expect(object["s"] == .string("a\"b\\c/d\né😀"))
    #expect(object["n"] == .number(-125))
    #expect(object["z"] == .number(0))
    #expect(object["t"] == .bool(true))
    #expect(object["f"] == .bool(false))
    #expect(object["x"] == .null)
    #expect(object["a"] == .array([.number(1), .string("two"), .object([:])]))
    #expect(object["o"] == .object(["k": .array([])]))
  }

  @Test(
    "rejects duplicate member names, also when spelled with escapes or nested",
    arguments: [
      #"{"alg":"EdDSA","alg":"none"}"#, #"{"alg":"EdDSA","\u0061lg":"none"}"#, #"{"o":{"a":1,"a":1}}"#,
    ])
  func duplicates(text: String) {
    #expect(throws: JSONParseError.duplicateMember) { try parse(text) }
  }

  @Test("rejects JSON that is not an object", arguments: [#"["alg"]"#, #""EdDSA""#, "42", "null"])
  func notAnObject(text: String) {
    #expect(throws: JSONParseError.notAnObject) { try parse(text) }
  }

  @Test(
    "rejects broken syntax",
    arguments: [
      "", "{", #"{"a":1}x"#, #"{"a":1,}"#, #"{"a" 1}"#, #"{a:1}"#, #"{"a":01}"#, #"{"a":1.}"#, #"{"a":.5}"#,
      #"{"a":+1}"#, #"{"a":tru}"#, #"{"a":"\x"}"#, #"{"a":"\ud800"}"#, #"{"a":"\udc00"}"#, #"{"a":"\u12"}"#,
      "{\"a\":\"tab\there\"}", #"{"a":"open}"#, #"{"a":[1 2]}"#, "{\"a\":1}\u{0}",
    ])
  func syntax(text: String) {
    #expect(throws: JSONParseError.self) { try parse(text) }
  }

  @Test("rejects invalid UTF-8")
  func invalidUTF8() {
    #expect(throws: JSONParseError.invalidUTF8) {
      try StrictJSONParser.parseObject([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D])
    }
  }

  @Test("rejects numbers that are not finite doubles")
  func outOfRange() {
    #expect(throws: JSONParseError.numberOutOfRange) { try parse(#"{"exp":1e400}"#) }
  }

  @Test("bounds nesting depth")
  func depth() throws {
    let shallow = String(repeating: "[", count: 7) + String(repeating: "]", count: 7)
    _ = try parse(#"{"a":\#(shallow)}"#)
    let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
    #expect(throws: JSONParseError.tooDeep) { try parse(#"{"a":\#(deep)}"#) }
  }

  @Test("quotes strings so that the parser reads them back", arguments: ["org-1", #"a"b\c"#, "line\nbreak\u{1}", "é😀"])
  func quoting(text: String) throws {
    #expect(try parse(#"{"k":\#(JSONValue.quoted(text))}"#)["k"] == .string(text))
  }
}
