/// Who was told of the signal (DOMAIN: under 16 the parents; from 12 also the child; from 16 only the child), or
/// that telling was withheld in the child's interest.
public enum Informed: String, Codable, Sendable, CaseIterable {
  /// The parents were informed.
  case parents
  /// The young person was informed.
  case child
  /// Both.
  case parentsAndChild
  /// Informing was withheld in the young person's interest.
  case withheld
}
