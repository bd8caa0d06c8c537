import Foundation

extension Setting where Value == String {
  /// A non-empty string.
  public static func string(_ name: String, default value: String?, secret: Bool = false, help: String) -> Self {
    Setting(name, default: value, expected: "a non-empty string", secret: secret, help: help) {
      $0.isEmpty ? nil : $0
    }
  }
}

extension Setting where Value == Int {
  /// A whole number within `range`.
  public static func integer(_ name: String, default value: Int, in range: ClosedRange<Int>, help: String) -> Self {
    Setting(
      name, default: String(value), expected: "a whole number from \(range.lowerBound) to \(range.upperBound)",
      help: help
    ) { text in
      Int(text).flatMap { range.contains($0) ? $0 : nil }
    }
  }
}

extension Setting where Value == Bool {
  /// `true` or `false` (also `1`/`0`, `yes`/`no`).
  public static func flag(_ name: String, default value: Bool, help: String) -> Self {
    Setting(name, default: String(value), expected: "true or false", help: help) { text in
      switch text.lowercased() {
      case "true", "1", "yes": true
      case "false", "0", "no": false
      default: nil
      }
    }
  }
}

extension Setting where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
  /// One of the enum's raw values.
  public static func choice(_ name: String, default value: Value, help: String) -> Self {
    Setting(
      name, default: value.rawValue,
      expected: "one of " + Value.allCases.map(\.rawValue).joined(separator: ", "), help: help
    ) { Value(rawValue: $0.lowercased()) }
  }
}

extension Setting where Value == [UInt8] {
  /// A secret key of at least `minimumBytes` bytes, given as base64, base64url or hex.
  public static func key(_ name: String, minimumBytes: Int, help: String) -> Self {
    Setting(
      name, default: nil,
      expected: "at least \(minimumBytes) random bytes as hex or base64 (e.g. `openssl rand -hex 32`)",
      secret: true, help: help
    ) { text in
      keyBytes(text, minimumBytes: minimumBytes)
    }
  }

  /// Parses a key given as hex or base64(url); `nil` when it is neither or shorter than `minimumBytes`.
  static func keyBytes(_ text: String, minimumBytes: Int) -> [UInt8]? {
    let bytes = hexBytes(text) ?? base64Bytes(text)
    return bytes.flatMap { $0.count >= minimumBytes ? $0 : nil }
  }

  private static func hexBytes(_ text: String) -> [UInt8]? {
    guard text.count.isMultiple(of: 2), text.allSatisfy(\.isHexDigit) else { return nil }
    var bytes: [UInt8] = []
    var index = text.startIndex
    while index < text.endIndex {
      let next = text.index(index, offsetBy: 2)
      bytes.append(UInt8(text[index..<next], radix: 16)!)
      index = next
    }
    return bytes
  }

  private static func base64Bytes(_ text: String) -> [UInt8]? {
    var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
    base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
    return Data(base64Encoded: base64).map(Array.init)
  }
}

extension Setting where Value == [UInt8]? {
  /// A secret key that may be left unset; when set, at least `minimumBytes` bytes as base64, base64url or hex.
  public static func optionalKey(_ name: String, minimumBytes: Int, help: String) -> Self {
    Setting(
      name, default: "", expected: "unset, or at least \(minimumBytes) random bytes as hex or base64", secret: true,
      help: help
    ) { text in
      if text.isEmpty { return .some(nil) }
      return Setting<[UInt8]>.keyBytes(text, minimumBytes: minimumBytes).map { .some($0) }
    }
  }
}
