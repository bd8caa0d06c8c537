import Contract

/// The pseudonyms a child is stored under: under the current key and, during a key rotation, under the previous
/// one (a child not signalled since the rotation is still stored under that).
struct ChildKey: Sendable, Hashable {
  /// The pseudonym under `VI_PSEUDONYM_KEY`; events about the child are keyed by it.
  var current: Pseudonym
  /// The pseudonym under `VI_PSEUDONYM_KEY_PREVIOUS`, while a rotation runs.
  var previous: Pseudonym?

  /// Both pseudonyms as text, for `= ANY(...)` queries.
  var all: [String] {
    [current.value] + (previous.map { [$0.value] } ?? [])
  }

  /// For an event about the child during a rotation: tells its consumers to rename what they stored under the
  /// previous pseudonym before applying it.
  var rekeying: Rekeying? {
    previous.map { Rekeying(child: $0, parents: [:]) }
  }
}
