/// `Message-ID` values (RFC 5322 §3.6.4).
enum MessageID {
  /// A new, globally unique message ID: `<128 random bits in hex@domain>`.
  static func generate(domain: String) -> String {
    var generator = SystemRandomNumberGenerator()
    let random = (0..<2).map { _ in
      let hex = String(generator.next() as UInt64, radix: 16)
      return String(repeating: "0", count: 16 - hex.count) + hex
    }.joined()
    return "<\(random)@\(domain)>"
  }

  /// `id` with angle brackets, whether or not it had them.
  static func bracketed(_ id: String) -> String {
    id.hasPrefix("<") && id.hasSuffix(">") ? id : "<\(id)>"
  }
}
