import Contract

/// Masks BSNs in free text a professional typed (their reference, the child's initials), so that an e-mail never
/// carries one even when someone typed it there: nine digits that pass the elfproef, written together or in groups
/// separated by single dots, spaces or dashes (`123456782`, `1234.56.782`), have their digits replaced by `*`.
enum BSNMask {
  /// `text` with every BSN-like number masked.
  static func masking(_ text: String) -> String {
    var characters = Array(text)
    var index = 0
    while index < characters.count {
      guard characters[index].isASCIIDigit else {
        index += 1
        continue
      }
      let groups = Self.groups(in: characters, from: index)
      for first in groups.indices {
        var digits = ""
        for last in groups[first...].indices {
          digits += String(characters[groups[last]])
          if digits.count >= 9 {
            if digits.count == 9, BSN(digits) != nil {
              for group in groups[first...last] {
                for position in group { characters[position] = "*" }
              }
            }
            break
          }
        }
      }
      index = groups.last!.upperBound
    }
    return String(characters)
  }

  /// The digit groups of the run starting at `start`: digits, with single separators between groups.
  private static func groups(in characters: [Character], from start: Int) -> [Range<Int>] {
    var groups: [Range<Int>] = []
    var position = start
    while true {
      let begin = position
      while position < characters.count, characters[position].isASCIIDigit { position += 1 }
      groups.append(begin..<position)
      guard position + 1 < characters.count, separators.contains(characters[position]),
        characters[position + 1].isASCIIDigit
      else { return groups }
      position += 1
    }
  }

  private static let separators: Set<Character> = [".", " ", "-"]
}

extension Character {
  fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
