/// Random nine-digit numbers that pass the elfproef.
enum RandomBSN {
  static func make() -> String {
    while true {
      let digits = (0..<8).map { _ in Int.random(in: 0...9) }
      let check = digits.enumerated().reduce(0) { $0 + $1.element * (9 - $1.offset) } % 11
      if check < 10 && digits.contains(where: { $0 != 0 }) {
        return digits.map(String.init).joined() + String(check)
      }
    }
  }
}
