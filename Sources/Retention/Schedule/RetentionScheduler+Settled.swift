import Foundation
import PostgresNIO
import ServiceKit

extension RetentionScheduler {
  /// How long a decision is kept at least, and until its subject left the projection. While kept, it keeps a late event from
  /// bringing the subject back: a registration validated just before a child's 23rd birthday that reaches the topic
  /// after the erasure. After a month nothing can arrive late any more (SignalIntake refuses a child of 23), and
  /// keeping the child's pseudonym with its 23rd birthday longer would keep data about a child who must be gone.
  static let settledDecisionMemory = Duration.seconds(30 * 24 * 3600)

  /// Forgets decisions older than ``settledDecisionMemory`` whose signal (reminder, expiry, purge) or child
  /// (erasure) is no longer in the projection: purged, deleted as unjustified, or erased. Decisions about what is
  /// still there stay, so nothing falls due twice. Returns how many were forgotten.
  @discardableResult
  func forgetSettledDecisions(_ connection: PostgresConnection) async throws -> Int {
    let seconds = Self.settledDecisionMemory.inSeconds
    let signals = try await connection.query(
      """
      DELETE FROM retention_lifecycle_decisions d
      WHERE d.kind <> 'erasure' AND d.decided_at < now() - make_interval(secs => \(seconds))
        AND NOT EXISTS (SELECT 1 FROM retention_signals s WHERE s.signal_id::text = d.subject)
      RETURNING 1
      """, logger: logger
    ).collect().count
    let children = try await connection.query(
      """
      DELETE FROM retention_lifecycle_decisions d
      WHERE d.kind = 'erasure' AND d.decided_at < now() - make_interval(secs => \(seconds))
        AND NOT EXISTS (SELECT 1 FROM retention_children c WHERE c.child_pseudonym = d.subject)
      RETURNING 1
      """, logger: logger
    ).collect().count
    if signals + children > 0 {
      logger.info(
        "Forgot settled decisions",
        metadata: ["signals": "\(signals)", "children": "\(children)"])
    }
    return signals + children
  }
}
