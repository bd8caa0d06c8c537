/// A small, strict RFC 8259 parser for the JSON objects inside JOSE tokens.
///
/// Stricter than Foundation's parsers, which disagree with each other on duplicate member names (one keeps the
/// first, the other the last): here a duplicate name anywhere is an error, as is invalid UTF-8, a lone surrogate
/// escape, trailing content, or nesting deeper than ``maximumDepth``.
struct StrictJSONParser {
  /// How deeply arrays and objects may nest; JOSE headers and our claims are flat.
  static let maximumDepth = 8

  private let bytes: [UInt8]
  private var index = 0

  private init(bytes: [UInt8]) {
    self.bytes = bytes
  }

  /// Parses `bytes` as one JSON object, surrounded by nothing but whitespace.
  static func parseObject(_ bytes: some Collection<UInt8>) throws(JSONParseError) -> [String: JSONValue] {
    let input = Array(bytes)
    guard String(validating: input, as: UTF8.self) != nil else { throw .invalidUTF8 }
    var parser = StrictJSONParser(bytes: input)
    parser.skipWhitespace()
    guard parser.current == UInt8(ascii: "{") else { throw .notAnObject }
    let value = try parser.parseValue(depth: 0)
    parser.skipWhitespace()
    guard parser.index == input.count else { throw .syntax(offset: parser.index) }
    guard case .object(let members) = value else { throw .notAnObject }
    return members
  }

  private var current: UInt8? {
    index < bytes.count ? bytes[index] : nil
  }

  private mutating func skipWhitespace() {
    while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
      index += 1
    }
  }

  private mutating func expect(_ byte: UInt8) throws(JSONParseError) {
    guard current == byte else { throw .syntax(offset: index) }
    index += 1
  }

  private mutating func parseValue(depth: Int) throws(JSONParseError) -> JSONValue {
    guard let byte = current else { throw .syntax(offset: index) }
    switch byte {
    case UInt8(ascii: "{"): return try parseObjectBody(depth: depth + 1)
    case UInt8(ascii: "["): return try parseArrayBody(depth: depth + 1)
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"): return try parseLiteral("true", value: .bool(true))
    case UInt8(ascii: "f"): return try parseLiteral("false", value: .bool(false))
    case UInt8(ascii: "n"): return try parseLiteral("null", value: .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
    default: throw .syntax(offset: index)
    }
  }

  private mutating func parseObjectBody(depth: Int) throws(JSONParseError) -> JSONValue {
    guard depth <= Self.maximumDepth else { throw .tooDeep }
    try expect(UInt8(ascii: "{"))
    var members: [String: JSONValue] = [:]
    skipWhitespace()
    if current == UInt8(ascii: "}") {
      index += 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      guard current == UInt8(ascii: "\"") else { throw .syntax(offset: index) }
      let name = try parseString()
      skipWhitespace()
      try expect(UInt8(ascii: ":"))
      skipWhitespace()
      let value = try parseValue(depth: depth)
      guard members.updateValue(value, forKey: name) == nil else { throw .duplicateMember }
      skipWhitespace()
      if current == UInt8(ascii: ",") {
        index += 1
        continue
      }
      try expect(UInt8(ascii: "}"))
      return .object(members)
    }
  }

  private mutating func parseArrayBody(depth: Int) throws(JSONParseError) -> JSONValue {
    guard depth <= Self.maximumDepth else { throw .tooDeep }
    try expect(UInt8(ascii: "["))
    var elements: [JSONValue] = []
    skipWhitespace()
    if current == UInt8(ascii: "]") {
      index += 1
      return .array(elements)
    }
    while true {
      skipWhitespace()
      elements.append(try parseValue(depth: depth))
      skipWhitespace()
      if current == UInt8(ascii: ",") {
        index += 1
        continue
      }
      try expect(UInt8(ascii: "]"))
      return .array(elements)
    }
  }

  private mutating func parseLiteral(_ literal: String, value: JSONValue) throws(JSONParseError) -> JSONValue {
    for byte in literal.utf8 {
      try expect(byte)
    }
    return value
  }

  private mutating func parseNumber() throws(JSONParseError) -> JSONValue {
    let start = index
    if current == UInt8(ascii: "-") { index += 1 }
    if current == UInt8(ascii: "0") {
      index += 1
    } else {
      guard skipDigits() > 0 else { throw .syntax(offset: index) }
    }
    if current == UInt8(ascii: ".") {
      index += 1
      guard skipDigits() > 0 else { throw .syntax(offset: index) }
    }
    if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
      index += 1
      if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { index += 1 }
      guard skipDigits() > 0 else { throw .syntax(offset: index) }
    }
    let text = String(decoding: bytes[start..<index], as: UTF8.self)
    guard let number = Double(text), number.isFinite else { throw .numberOutOfRange }
    return .number(number)
  }

  private mutating func skipDigits() -> Int {
    let start = index
    while let byte = current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
      index += 1
    }
    return index - start
  }

  private mutating func parseString() throws(JSONParseError) -> String {
    try expect(UInt8(ascii: "\""))
    var content: [UInt8] = []
    while true {
      guard let byte = current else { throw .syntax(offset: index) }
      index += 1
      switch byte {
      case UInt8(ascii: "\""):
        return String(decoding: content, as: UTF8.self)
      case UInt8(ascii: "\\"):
        content.append(contentsOf: try parseEscape())
      case 0x00..<0x20:
        throw .syntax(offset: index - 1)
      default:
        content.append(byte)
      }
    }
  }

  /// The UTF-8 of one escape sequence, the backslash already consumed.
  private mutating func parseEscape() throws(JSONParseError) -> [UInt8] {
    guard let byte = current else { throw .syntax(offset: index) }
    index += 1
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): return [byte]
    case UInt8(ascii: "b"): return [0x08]
    case UInt8(ascii: "f"): return [0x0C]
    case UInt8(ascii: "n"): return [0x0A]
    case UInt8(ascii: "r"): return [0x0D]
    case UInt8(ascii: "t"): return [0x09]
    case UInt8(ascii: "u"): break
    default: throw .syntax(offset: index - 1)
    }
    var scalarValue = try parseHexQuad()
    if (0xD800..<0xDC00).contains(scalarValue) {
      let start = index
      try expect(UInt8(ascii: "\\"))
      try expect(UInt8(ascii: "u"))
      let low = try parseHexQuad()
      guard (0xDC00..<0xE000).contains(low) else { throw .syntax(offset: start) }
      scalarValue = 0x10000 + ((scalarValue - 0xD800) << 10) + (low - 0xDC00)
    }
    guard let scalar = Unicode.Scalar(scalarValue) else { throw .syntax(offset: index - 6) }
    return Array(String(Character(scalar)).utf8)
  }

  private mutating func parseHexQuad() throws(JSONParseError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard let byte = current, let digit = Self.hexValue(byte) else { throw .syntax(offset: index) }
      value = value << 4 | digit
      index += 1
    }
    return value
  }

  private static func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
    default: nil
    }
  }
}
