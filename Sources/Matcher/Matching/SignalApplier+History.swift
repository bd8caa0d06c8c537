import Contract
import Foundation
import PostgresNIO
import Rules

extension SignalApplier {
  /// Historical involvement: shows each new signaller the archived signals of other professionals on the same
  /// child, each archived signal once per professional (recorded in `historical_shown`), in one notice per new
  /// signal. The same-organisation rule applies as for matches.
  func showHistory(to ids: [UUID], into effects: inout BatchEffects) async throws {
    let rows = try await connection.query(
      """
      INSERT INTO historical_shown (archived_signal_id, professional_id, shown_at)
      SELECT o.signal_id, n.professional_id, n.registered_at
      FROM signals n
      JOIN signals o ON \(unescaped: HistoricalInvolvement(eligibility: rules.eligibility).sql(new: "n", archived: "o"))
      WHERE n.signal_id = ANY(\(ids)::uuid[])
      ON CONFLICT DO NOTHING
      RETURNING archived_signal_id, professional_id
      """, logger: logger)
    var shown: [(archived: UUID, professional: String)] = []
    for try await (archived, professional) in rows.decode((UUID, String).self) {
      shown.append((archived, professional))
    }
    guard !shown.isEmpty else { return }
    let signals = try await storedSignals(Set(ids + shown.map(\.archived)))
    // While active, a professional has one signal per child: (child, professional) names the new signal.
    var newSignal: [String: StoredSignal] = [:]
    for id in ids {
      if let signal = signals[id] {
        newSignal[signal.childPseudonym + "\u{0}" + signal.professionalId] = signal
      }
    }
    var archivedFor: [UUID: [StoredSignal]] = [:]
    for (archivedId, professional) in shown {
      guard let archived = signals[archivedId],
        let recipient = newSignal[archived.childPseudonym + "\u{0}" + professional]
      else { continue }
      archivedFor[recipient.signalId, default: []].append(archived)
    }
    for id in ids {
      guard let recipient = signals[id], let archived = archivedFor[id] else { continue }
      let involvements = archived.sorted {
        ($0.registeredAt, $0.signalId.uuidString) < ($1.registeredAt, $1.signalId.uuidString)
      }
      .map {
        ArchivedInvolvement(
          signalId: $0.signalId, organisationId: $0.organisationId, professionalId: $0.professionalId,
          registeredOn: CalendarDate($0.registeredAt),
          archivedOn: CalendarDate($0.archivedAt ?? $0.registeredAt))
      }
      effects.notices.append(
        NoticeEvent(
          eventId: StableID.make("historical-notice", id.uuidString), occurredAt: recipient.registeredAt,
          content: .historical(HistoricalNotice(recipient: recipient.party, archived: involvements))))
      effects.log.append(
        LogBookRow(
          at: recipient.registeredAt, actor: "matcher", action: .historicalShown,
          childPseudonym: Pseudonym(value: recipient.childPseudonym), signalId: id,
          detail: LogBookDetail(archivedSignals: involvements.count)))
    }
  }
}
