extension EmailAddress {
  /// The address as a `mailbox` for the `From` and `To` headers (RFC 5322 §3.4): `<address>` without a name,
  /// `Name <address>` for a name of atoms, `"Name, with specials" <address>` as a quoted string, and encoded
  /// words (RFC 2047) for a name that is not ASCII.
  var headerValue: String {
    guard let name = self.name else {
      return "<\(self.address)>"
    }
    if EncodedWord.isNeeded(for: name) {
      return EncodedWord.encode(name).joined(separator: " ") + " <\(self.address)>"
    }
    if name.unicodeScalars.allSatisfy({ Self.isAtomText($0) || $0 == " " }) && !name.hasPrefix(" ")
      && !name.hasSuffix(" ") && !name.contains("  ")
    {
      return "\(name) <\(self.address)>"
    }
    var quoted = "\""
    for character in name {
      if character == "\"" || character == "\\" {
        quoted.append("\\")
      }
      quoted.append(character)
    }
    return quoted + "\" <\(self.address)>"
  }

  /// `atext` of RFC 5322 §3.2.3: letters, digits and ``!#$%&'*+-/=?^_`{|}~``.
  private static func isAtomText(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "a"..."z", "A"..."Z", "0"..."9":
      return true
    default:
      return "!#$%&'*+-/=?^_`{|}~".unicodeScalars.contains(scalar)
    }
  }
}
