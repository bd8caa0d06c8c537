import Foundation
import Logging
import PostgresNIO
import Shared

/// Which professional has an active signal on which child, so that registering again while the first signal is
/// active is answered with the existing signal (DOMAIN: idempotent), whichever path the commands take.
///
/// The row is kept until the professional ends the signal or its end date passes. A signal the Matcher deleted
/// meanwhile (objection, 23rd birthday) keeps its row here; registering again then reuses that id, which the
/// Matcher, having deleted it, simply stores anew.
struct RegistrationStore: Sendable {
  let logger: Logger

  /// The signal id for a registration: the active one when there is one, else `candidate`, which is recorded.
  func claim(
    professionalId: String, child: Pseudonym, candidate: UUID, endsOn: CalendarDate, today: CalendarDate,
    on connection: PostgresConnection
  ) async throws -> UUID {
    let claimed = try await connection.query(
      """
      INSERT INTO registrations (professional_id, child_pseudonym, signal_id, ends_on)
      VALUES (\(professionalId), \(child.value), \(candidate), \(endsOn.description)::date)
      ON CONFLICT (professional_id, child_pseudonym) DO UPDATE
        SET signal_id = EXCLUDED.signal_id, ends_on = EXCLUDED.ends_on
        WHERE registrations.ends_on < \(today.description)::date
      RETURNING signal_id
      """, logger: logger
    ).collect()
    if let id = try claimed.first?.decode(UUID.self) { return id }
    let existing = try await connection.query(
      """
      SELECT signal_id FROM registrations
      WHERE professional_id = \(professionalId) AND child_pseudonym = \(child.value)
      """, logger: logger
    ).collect()
    return try existing.first?.decode(UUID.self) ?? candidate
  }

  /// The professional ended their signal on the child.
  func release(professionalId: String, child: Pseudonym, on connection: PostgresConnection) async throws {
    try await connection.query(
      "DELETE FROM registrations WHERE professional_id = \(professionalId) AND child_pseudonym = \(child.value)",
      logger: logger)
  }

  /// During a key rotation: renames the child's registrations from its previous pseudonym to the current one.
  func rename(_ previous: Pseudonym, to current: Pseudonym, on connection: PostgresConnection) async throws {
    guard previous != current else { return }
    try await connection.query(
      """
      UPDATE registrations SET child_pseudonym = \(current.value)
      WHERE child_pseudonym = \(previous.value)
        AND NOT EXISTS (
          SELECT 1 FROM registrations r
          WHERE r.child_pseudonym = \(current.value) AND r.professional_id = registrations.professional_id)
      """, logger: logger)
  }
}
