import Contract
import PostgresNIO

extension SignalApplier {
  /// Takes a transaction-level advisory lock on every parent and address the batch's children have or get, in
  /// ascending key order, before anything is applied.
  ///
  /// Why: all events of one child arrive on one partition, so one instance applies them in order. Siblings,
  /// though, have different pseudonyms; their signals can land on different partitions and be applied by two
  /// instances at the same moment. Each transaction would then miss the other's uncommitted signal, and no family
  /// match would be made (or one would be made with a signal the other transaction is archiving). With the lock
  /// on the shared parent, the second transaction waits until the first commits, and its queries (new statements
  /// under READ COMMITTED) then see the first one's signals.
  ///
  /// The lock set is complete: a child's stored parents and address change only through that child's own events,
  /// which this transaction holds (its partition's offset row is locked), so reading them here is stable. Taking
  /// all locks at once, in one fixed order (after the offset rows, also locked in order), rules out deadlocks.
  func lockFamilies(of events: [SignalEvent]) async throws {
    guard !events.isEmpty else { return }
    let children = Array(Set(events.map(\.childPseudonym.value)))
    var keys = Set<String>()
    for registration in events.compactMap(\.registration) {
      keys.formUnion(registration.child.parentPseudonyms.map { "p:" + $0.value })
      if let address = registration.child.addressPseudonym {
        keys.insert("a:" + address.value)
      }
    }
    for event in events {
      if let rekeying = event.rekeying {
        keys.formUnion(rekeying.parents.keys.map { "p:" + $0.value })
      }
    }
    try await connection.query(
      """
      SELECT pg_advisory_xact_lock(k) FROM (
        SELECT DISTINCT hashtextextended(key, 0) AS k FROM (
          SELECT key FROM UNNEST(\(Array(keys))::text[]) AS key
          UNION SELECT 'p:' || parent_pseudonym FROM child_parents WHERE child_pseudonym = ANY(\(children)::text[])
          UNION SELECT 'a:' || address_pseudonym FROM children
            WHERE child_pseudonym = ANY(\(children)::text[]) AND address_pseudonym IS NOT NULL
        ) AS keys
      ) AS hashed ORDER BY k
      """, logger: logger)
  }
}
