import Contract
import Foundation
import Logging
import PostgresNIO

/// Which professional has an active signal on which child, so that registering again while the first signal is
/// active is answered with the existing signal (DOMAIN: idempotent), whichever path the commands take.
///
/// The row is kept until the professional ends the signal or its end date passes. A signal the Matcher deleted
/// meanwhile (objection, 23rd birthday) keeps its row here; registering again then reuses that id, which the
/// Matcher, having deleted it, simply stores anew.
struct RegistrationStore: Sendable {
  let logger: Logger

  /// One registration to claim a signal id for.
  struct Claim: Sendable {
    var professionalId: String
    var child: Pseudonym
    /// The id of a new signal, used when the professional has no active signal on the child.
    var candidate: UUID
  }

  /// The signal id of each registration, in order and in one statement: the active one when the professional
  /// already has one on the child (also one claimed earlier in the same list), else its candidate, which is
  /// recorded until `endsOn`.
  func claim(
    _ claims: [Claim], endsOn: CalendarDate, today: CalendarDate, on connection: PostgresConnection
  ) async throws -> [UUID] {
    guard !claims.isEmpty else { return [] }
    let rows = try await connection.query(
      """
      WITH input AS (
        SELECT * FROM UNNEST(
          \(claims.map(\.professionalId))::text[], \(claims.map(\.child.value))::text[],
          \(claims.map(\.candidate))::uuid[]
        ) WITH ORDINALITY AS i(professional_id, child_pseudonym, candidate, n)
      ), upserted AS (
        INSERT INTO registrations (professional_id, child_pseudonym, signal_id, ends_on)
        SELECT DISTINCT ON (professional_id, child_pseudonym) professional_id, child_pseudonym, candidate,
          \(endsOn.description)::date
        FROM input ORDER BY professional_id, child_pseudonym, n
        ON CONFLICT (professional_id, child_pseudonym) DO UPDATE
          SET signal_id = EXCLUDED.signal_id, ends_on = EXCLUDED.ends_on
          WHERE registrations.ends_on < \(today.description)::date
        RETURNING professional_id, child_pseudonym, signal_id
      )
      SELECT coalesce(u.signal_id, r.signal_id, i.candidate)
      FROM input i
      LEFT JOIN upserted u ON u.professional_id = i.professional_id AND u.child_pseudonym = i.child_pseudonym
      LEFT JOIN registrations r ON r.professional_id = i.professional_id AND r.child_pseudonym = i.child_pseudonym
      ORDER BY i.n
      """, logger: logger)
    var ids: [UUID] = []
    for try await id in rows.decode(UUID.self) {
      ids.append(id)
    }
    return ids
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
