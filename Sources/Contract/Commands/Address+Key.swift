extension Address {
  /// The address written one way: "1234AB|12|A" (postcode without spaces, upper case; house number; addition upper
  /// case without spaces), or `nil` when postcode or house number is missing. Two spellings of one address give
  /// the same key; SignalIntake pseudonymises it for address matches and compares it with the institutional
  /// addresses a region excludes.
  public var key: String? {
    guard let postcode = postcode?.filter({ !$0.isWhitespace }).uppercased(), !postcode.isEmpty,
      let number = houseNumber?.filter({ !$0.isWhitespace }), !number.isEmpty
    else { return nil }
    let addition = (houseNumberAddition ?? "").filter { !$0.isWhitespace && $0 != "-" }.uppercased()
    return "\(postcode)|\(number)|\(addition)"
  }

  /// Reads "1234AB 12", "1234 AB 12-A" or "1234AB 12 bis" as an address; `nil` when it is not one.
  public init?(written text: String) {
    let parts = text.split(whereSeparator: { $0 == " " || $0 == "-" }).map(String.init)
    guard parts.count >= 2 else { return nil }
    var rest = parts[...]
    var postcode = rest.removeFirst()
    if postcode.count == 4, let letters = rest.first, letters.count == 2, letters.allSatisfy(\.isLetter) {
      postcode += rest.removeFirst()
    }
    guard let number = rest.first, number.allSatisfy(\.isNumber) else { return nil }
    rest.removeFirst()
    self.init(postcode: postcode, houseNumber: number, houseNumberAddition: rest.joined())
  }
}
