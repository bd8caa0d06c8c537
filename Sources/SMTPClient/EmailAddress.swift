/// An e-mail address with an optional display name, checked when it is made.
///
/// The address must be printable ASCII with exactly one `@`, a non-empty part on both sides, and no spaces,
/// angle brackets, CR or LF, so it can go into `MAIL FROM:<...>`, `RCPT TO:<...>` and a header without
/// changing their meaning. Internationalised addresses (SMTPUTF8) are not supported. The display name may
/// contain any text except CR and LF; it is encoded (RFC 2047) when it is not ASCII.
public struct EmailAddress: Sendable, Hashable, CustomStringConvertible {
  /// The address, for example `jan@example.nl`.
  public let address: String

  /// The display name, for example `Jan de Vries`, or `nil`.
  public let name: String?

  /// Creates an address.
  ///
  /// - Parameters:
  ///   - address: The address, for example `jan@example.nl`.
  ///   - name: The display name, or `nil`.
  /// - Throws: ``SMTPError`` of kind ``SMTPError/Kind/invalidAddress`` when the address or the name is not valid.
  public init(_ address: String, name: String? = nil) throws {
    try Self.validate(address: address)
    if let name {
      guard !name.unicodeScalars.contains(where: { $0 == "\r" || $0 == "\n" || $0 == "\0" }) else {
        throw SMTPError(
          kind: .invalidAddress,
          detail: "The display name for <\(address)> contains a line break or NUL (header injection)."
        )
      }
    }
    self.address = address
    self.name = name?.isEmpty == true ? nil : name
  }

  /// The domain part, after the `@`.
  public var domain: String {
    String(self.address[self.address.index(after: self.address.lastIndex(of: "@")!)...])
  }

  /// `Name <address>`, or `<address>` without a name (not encoded; for logs).
  public var description: String {
    if let name = self.name {
      return "\(name) <\(self.address)>"
    }
    return "<\(self.address)>"
  }

  private static func validate(address: String) throws {
    func invalid(_ reason: String) -> SMTPError {
      let shown = address.unicodeScalars.map { $0.isASCII && $0.value >= 32 ? String($0) : "?" }.joined()
      return SMTPError(kind: .invalidAddress, detail: "The address \"\(shown)\" \(reason).")
    }
    let scalars = address.unicodeScalars
    if scalars.contains(where: { $0 == "\r" || $0 == "\n" }) {
      throw invalid("contains a line break (header or command injection)")
    }
    guard scalars.allSatisfy({ $0.isASCII }) else {
      throw invalid("is not ASCII (internationalised addresses need SMTPUTF8, which is not supported)")
    }
    guard scalars.allSatisfy({ $0.value > 32 && $0.value < 127 }) else {
      throw invalid("contains a space or a control character")
    }
    guard !scalars.contains(where: { $0 == "<" || $0 == ">" }) else {
      throw invalid("contains an angle bracket")
    }
    let parts = address.split(separator: "@", omittingEmptySubsequences: false)
    guard parts.count == 2 else {
      throw invalid("must contain exactly one @")
    }
    guard !parts[0].isEmpty, !parts[1].isEmpty else {
      throw invalid("needs a local part before and a domain after the @")
    }
    // RFC 5321 §4.5.3.1: local part at most 64 octets, a path at most 256.
    guard parts[0].utf8.count <= 64, address.utf8.count <= 254 else {
      throw invalid("is too long")
    }
  }
}
