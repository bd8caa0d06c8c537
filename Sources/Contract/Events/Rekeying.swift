/// During a rotation of the pseudonym key: the pseudonyms this event's child and parents had under the previous
/// key. A consumer that stored them renames them to the current ones before it applies the event, so that a child
/// signalled before the rotation still matches one signalled after.
public struct Rekeying: Codable, Sendable, Hashable {
  /// The child's pseudonym under the previous key.
  public var child: Pseudonym
  /// The parents' pseudonyms: previous → current.
  public var parents: [Pseudonym: Pseudonym]

  /// Creates a rekeying.
  public init(child: Pseudonym, parents: [Pseudonym: Pseudonym]) {
    self.child = child
    self.parents = parents
  }

  enum CodingKeys: String, CodingKey {
    case child
    case parents
  }

  /// One previous → current pair, as encoded.
  struct Pair: Codable {
    var previous: Pseudonym
    var current: Pseudonym
  }

  /// Decodes the parents as a list of pairs.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    child = try container.decode(Pseudonym.self, forKey: .child)
    let pairs = try container.decode([Pair].self, forKey: .parents)
    parents = Dictionary(pairs.map { ($0.previous, $0.current) }) { first, _ in first }
  }

  /// Encodes the parents as a list of pairs, in a stable order.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(child, forKey: .child)
    let pairs = parents.map { Pair(previous: $0.key, current: $0.value) }.sorted {
      $0.previous.value < $1.previous.value
    }
    try container.encode(pairs, forKey: .parents)
  }
}
