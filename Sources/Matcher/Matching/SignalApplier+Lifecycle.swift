import Contract
import Foundation
import PostgresNIO
import Rules

extension SignalApplier {
  /// Applies one lifecycle event. Each is idempotent and harmless when its signal or child is already gone, so any
  /// order Kafka can deliver (a redelivery, a Retention event for a signal ended meanwhile) is safe.
  func applyLifecycle(_ event: SignalEvent, into effects: inout BatchEffects) async throws {
    let child = event.childPseudonym.value
    switch event.change {
    case .registered:
      return
    case .ended(let ending):
      try await end(ending, child: child, at: event.occurredAt, into: &effects)
    case .expired(let expiry):
      try await expire(expiry.signalId, at: event.occurredAt, into: &effects)
    case .expiryReminder(let reminder):
      try await remind(reminder, at: event.occurredAt, into: &effects)
    case .purged(let purge):
      let rows = try await connection.query(
        """
        DELETE FROM signals
        WHERE signal_id = \(purge.signalId) AND status = \(unescaped: SignalStatus.archived.sqlLiteral)
        RETURNING signal_id
        """,
        logger: logger
      ).collect()
      if !rows.isEmpty {
        effects.log.append(
          LogBookRow(
            at: event.occurredAt, actor: "retention", action: .signalPurged, childPseudonym: Pseudonym(value: child),
            signalId: purge.signalId))
        effects.withdraw([purge.signalId], at: event.occurredAt)
      }
    case .childErased(let erasure):
      try await erase(child: child, erasure, at: event.occurredAt, into: &effects)
    case .childCorrected(let correction):
      try await correct(child: child, correction, at: event.occurredAt, into: &effects)
    }
  }

  /// Ends a professional's active signal: risk ended archives it (its matches end), unjustified deletes it
  /// (its matches go with it).
  private func end(_ ending: SignalEnding, child: String, at: Date, into effects: inout BatchEffects) async throws {
    let rows = try await connection.query(
      """
      SELECT signal_id FROM signals
      WHERE child_pseudonym = \(child) AND professional_id = \(ending.professionalId)
        AND status = \(unescaped: SignalStatus.active.sqlLiteral)
      """, logger: logger
    ).collect()
    guard let signalId = try rows.first?.decode(UUID.self) else { return }
    switch ending.reason {
    case .riskEnded:
      try await archive(signalId, reason: "riskEnded", at: at)
      effects.log.append(
        LogBookRow(
          at: at, actor: ending.professionalId, action: .signalEnded, childPseudonym: Pseudonym(value: child),
          signalId: signalId,
          detail: LogBookDetail(archived: true)))
    case .unjustified:
      try await connection.query("DELETE FROM signals WHERE signal_id = \(signalId)", logger: logger)
      effects.log.append(
        LogBookRow(
          at: at, actor: ending.professionalId, action: .signalDeleted, childPseudonym: Pseudonym(value: child),
          signalId: signalId,
          detail: LogBookDetail(unjustified: true)))
      effects.withdraw([signalId], at: at)
    }
    try await updateRegie(children: [child], at: at, into: &effects)
  }

  /// Archives an expired signal and asks its professional whether to signal again.
  private func expire(_ signalId: UUID, at: Date, into effects: inout BatchEffects) async throws {
    guard let signal = try await storedSignals([signalId]).values.first, signal.archivedAt == nil else { return }
    let archived = try await archive(signalId, reason: "expired", at: at)
    guard archived else { return }
    effects.notices.append(
      NoticeEvent(
        eventId: StableID.make("expired-notice", signalId.uuidString), occurredAt: at,
        content: .expired(ExpiryNotice(recipient: signal.party, endsOn: signal.endsOn))))
    effects.log.append(
      LogBookRow(
        at: at, actor: "retention", action: .signalExpired, childPseudonym: Pseudonym(value: signal.childPseudonym),
        signalId: signalId)
    )
    try await updateRegie(children: [signal.childPseudonym], at: at, into: &effects)
  }

  /// Reminds the professional of a signal that ends soon, if it is still active.
  private func remind(_ reminder: SignalReminder, at: Date, into effects: inout BatchEffects) async throws {
    guard let signal = try await storedSignals([reminder.signalId]).values.first, signal.archivedAt == nil else {
      return
    }
    effects.notices.append(
      NoticeEvent(
        eventId: StableID.make("reminder-notice", reminder.signalId.uuidString), occurredAt: at,
        content: .expiryReminder(ExpiryNotice(recipient: signal.party, endsOn: signal.endsOn))))
  }

  /// Archives an active signal and ends its matches; `false` when it was not active.
  @discardableResult
  private func archive(_ signalId: UUID, reason: String, at: Date) async throws -> Bool {
    let rows = try await connection.query(
      """
      UPDATE signals SET status = \(unescaped: SignalStatus.archived.sqlLiteral), archived_at = \(at),
        archive_reason = \(reason)
      WHERE signal_id = \(signalId) AND status = \(unescaped: SignalStatus.active.sqlLiteral)
      RETURNING signal_id
      """, logger: logger
    ).collect()
    guard !rows.isEmpty else { return false }
    try await connection.query(
      """
      UPDATE matches SET ended_at = \(at)
      WHERE (signal_a = \(signalId) OR signal_b = \(signalId)) AND ended_at IS NULL
      """, logger: logger)
    return true
  }

  /// Deletes everything about the child, archive included. The log book keeps its rows, to account for use, but
  /// no longer names the child.
  private func erase(
    child: String, _ erasure: ChildErasure, at: Date, into effects: inout BatchEffects
  ) async throws {
    let deleted = try await connection.query(
      "DELETE FROM signals WHERE child_pseudonym = \(child) RETURNING signal_id", logger: logger
    ).collect().map { try $0.decode(UUID.self) }
    try await connection.query("DELETE FROM children WHERE child_pseudonym = \(child)", logger: logger)
    try await connection.query(
      "UPDATE log_book SET child_pseudonym = NULL WHERE child_pseudonym = \(child)", logger: logger)
    effects.forget(child: child)
    effects.withdraw(deleted, at: at)
    let actor = erasure.reason == .turned23 ? "retention" : "admin"
    effects.log.append(
      LogBookRow(
        at: at, actor: actor, action: .childErased, childPseudonym: nil, signalId: nil,
        detail: LogBookDetail(reason: erasure.reason)))
  }

  /// Corrects the child's personal data, on the child and on every signal about it.
  private func correct(
    child: String, _ correction: ChildCorrection, at: Date, into effects: inout BatchEffects
  ) async throws {
    try await connection.query(
      """
      UPDATE children SET initials = \(correction.initials), birth_date = \(correction.birthDate.description)::date,
        gender = \(correction.gender), corrected_at = \(at)
      WHERE child_pseudonym = \(child)
      """, logger: logger)
    try await connection.query(
      """
      UPDATE signals SET child_initials = \(correction.initials),
        child_birth_date = \(correction.birthDate.description)::date, child_gender = \(correction.gender)
      WHERE child_pseudonym = \(child)
      """, logger: logger)
    effects.log.append(
      LogBookRow(at: at, actor: "admin", action: .childCorrected, childPseudonym: Pseudonym(value: child)))
  }
}
