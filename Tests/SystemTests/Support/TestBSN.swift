/// Random BSNs that pass the elfproef, for tests.
enum TestBSN {
  static func random() -> String {
    while true {
      let digits = (0..<8).map { _ in Int.random(in: 0...9) }
      let sum = digits.enumerated().reduce(0) { $0 + $1.element * (9 - $1.offset) }
      let check = sum % 11
      guard check < 10, digits.contains(where: { $0 != 0 }) else { continue }
      return digits.map(String.init).joined() + String(check)
    }
  }
}
