import Contract
import Foundation
import Hummingbird
import Logging
import PostgresNIO
import Registry

/// `GET /v1/signals`: a professional's own signals, active and archived, each with its matches and how to reach
/// the other professionals. Nothing else: no other professional's signals, no search. Every read is written to the
/// log book, one row per signal shown (so that a child's inspection shows who read about it), in the same
/// transaction as the read.
struct ProfessionalRoutes: Sendable {
  let authenticator: ProfessionalAuthenticator
  let registry: RegistryReplica
  let postgres: PostgresClient
  let reader: OwnSignalsReader
  let logBook: LogBook
  let logger: Logger

  /// The response body.
  struct Body: Encodable {
    var professionalId: String
    var organisation: OrganisationCard
    var signals: [OwnSignal]
  }

  /// Adds the route.
  func add(to router: Router<BasicRequestContext>) {
    router.get("/v1/signals") { request, _ in try await read(request) }
  }

  /// Authenticates, then reads and logs in one transaction.
  private func read(_ request: Request) async throws -> Response {
    let professional = try authenticator.professional(request)
    let snapshot = registry.current
    let rows = try await Unavailable.mapping(logger, "read a professional's signals") {
      try await postgres.withTransaction(logger: logger) { connection in
        let rows = try await reader.signals(of: professional, registry: snapshot, on: connection)
        try await logBook.write(Self.logRows(rows, professional: professional), on: connection)
        return rows
      }
    }
    return try .privateJSON(
      Body(
        professionalId: professional.id, organisation: OrganisationCard(professional.organisationId, in: snapshot),
        signals: rows.map(\.signal)))
  }

  /// One row per signal shown; one row without a child when there is none, so that every read is logged.
  static func logRows(_ rows: [OwnSignalsReader.Row], professional: Professional) -> [LogBookRow] {
    guard !rows.isEmpty else {
      return [
        LogBookRow(
          actor: professional.id, action: .signalsRead,
          detail: LogBookDetail(organisationId: professional.organisationId, signals: 0))
      ]
    }
    return rows.map { row in
      LogBookRow(
        actor: professional.id, action: .signalsRead, childPseudonym: row.childPseudonym,
        signalId: row.signal.signalId.uuid,
        detail: LogBookDetail(organisationId: professional.organisationId, matches: row.signal.matches.count))
    }
  }
}
