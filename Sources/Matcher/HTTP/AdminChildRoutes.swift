import Contract
import Foundation
import Hummingbird
import Logging
import PostgresNIO
import Registry
import ServiceKit

/// The region administrator's rights requests about one child, named by BSN or identity in the body (never in the
/// URL): inspection (JSON) and copy (a Dutch document), correction of personal data, and erasure after an upheld
/// objection or a death. Every request is written to the log book.
struct AdminChildRoutes: Sendable {
  /// The largest body read.
  static let bodyLimit = 16 * 1024

  let adminToken: AdminToken
  let locator: ChildLocator
  let registry: RegistryReplica
  let postgres: PostgresClient
  let reader: ChildInspectionReader
  let logBook: LogBook
  let publisher: ChildEventPublisher
  let logger: Logger

  /// The answer to a correction or erasure: the event put on the signals topic.
  struct Accepted: Encodable {
    var eventId: ResourceID
    /// For an erasure: whether the Matcher stored anything about the child when it was asked.
    var stored: Bool?
  }

  /// Adds the three routes.
  func add(to router: Router<BasicRequestContext>) {
    router.post("/v1/admin/children/inspection") { request, _ in try await inspect(request) }
    router.post("/v1/admin/children/correction") { request, _ in try await correct(request) }
    router.post("/v1/admin/children/erasure") { request, _ in try await erase(request) }
  }

  /// `POST /v1/admin/children/inspection[?format=json|text]`: everything stored about the child, as JSON or, with
  /// `format=text` or `Accept: text/plain`, as the printable copy. 404 when nothing is stored; logged either way.
  private func inspect(_ request: Request) async throws -> Response {
    try adminToken.authorize(request)
    let copy = try Self.wantsDocument(request)
    var request = request
    let body = try await request.decodeJSON(ChildRequest.self, limit: Self.bodyLimit)
    let key = try locator.key(for: body.child)
    let now = Date()
    let snapshot = registry.current
    let inspection = try await Unavailable.mapping(logger, "read the child's data") {
      try await postgres.withTransaction(logger: logger) { connection in
        try await connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ", logger: logger)
        let stored = try await reader.storedPseudonym(key, on: connection)
        let inspection =
          stored == nil ? nil : try await reader.inspect(key, registry: snapshot, now: now, on: connection)
        try await logBook.write(
          [
            LogBookRow(
              actor: LogBookRow.admin, action: copy ? .childCopied : .childInspected, childPseudonym: stored,
              detail: LogBookDetail(found: stored != nil, signals: inspection?.signals.count ?? 0))
          ], on: connection)
        return inspection
      }
    }
    guard let inspection else {
      throw ProblemDetails(status: .notFound, detail: "nothing is stored about this child")
    }
    return copy ? .privateText(inspection.document) : try .privateJSON(inspection)
  }

  /// `POST /v1/admin/children/correction`: publishes `child.corrected`; 404 when nothing is stored about the child.
  private func correct(_ request: Request) async throws -> Response {
    try adminToken.authorize(request)
    var request = request
    let body = try await request.decodeJSON(CorrectionRequest.self, limit: Self.bodyLimit)
    let now = Date()
    var issues = FieldIssues()
    let key = locator.check(body.child, field: "child", into: &issues)
    let correction = body.correction(today: CalendarDate(now), into: &issues)
    try issues.check("the correction is not valid")
    let event = ChildEventPublisher.correction(correction!, of: key!, now: now)
    let published = try await Unavailable.mapping(logger, "store and publish the correction") {
      try await postgres.withTransaction(logger: logger) { connection in
        guard let stored = try await reader.storedPseudonym(key!, includingLogBook: false, on: connection) else {
          return false
        }
        try await logBook.write(
          [
            LogBookRow(
              actor: LogBookRow.admin, action: .childCorrectionRequested, childPseudonym: stored,
              detail: LogBookDetail(eventId: event.eventId))
          ], on: connection)
        try await publisher.publish(event)
        return true
      }
    }
    guard published else {
      throw ProblemDetails(
        status: .notFound, detail: "nothing is stored about this child; check the BSN or identity")
    }
    logger.notice("Published a correction", metadata: ["event.id": "\(event.eventId)"])
    return try .json(Accepted(eventId: ResourceID(event.eventId)), status: .accepted)
  }

  /// `POST /v1/admin/children/erasure`: publishes `child.erased` (objection or death). Always 202, also when the
  /// Matcher stores nothing (yet) about the child: signals may still be on their way, and Retention and the
  /// Matcher both apply the erasure in order with them; `stored` says whether the Matcher knew the child. The log
  /// book row does not name the child (it would outlive the erasure); it names the event.
  private func erase(_ request: Request) async throws -> Response {
    try adminToken.authorize(request)
    var request = request
    let body = try await request.decodeJSON(ErasureRequest.self, limit: Self.bodyLimit)
    let now = Date()
    var issues = FieldIssues()
    let key = locator.check(body.child, field: "child", into: &issues)
    let reason = body.erasureReason(into: &issues)
    try issues.check("the erasure is not valid")
    let event = ChildEventPublisher.erasure(reason!, of: key!, now: now)
    let stored = try await Unavailable.mapping(logger, "store and publish the erasure") {
      try await postgres.withTransaction(logger: logger) { connection in
        let stored = try await reader.storedPseudonym(key!, includingLogBook: false, on: connection) != nil
        try await logBook.write(
          [
            LogBookRow(
              actor: LogBookRow.admin, action: .childErasureRequested,
              detail: LogBookDetail(reason: reason!, eventId: event.eventId, stored: stored))
          ], on: connection)
        try await publisher.publish(event)
        return stored
      }
    }
    logger.notice(
      "Published an erasure", metadata: ["event.id": "\(event.eventId)", "erasure.reason": "\(reason!.rawValue)"])
    return try .json(Accepted(eventId: ResourceID(event.eventId), stored: stored), status: .accepted)
  }

  /// Whether the copy (text) is asked for: `format=text`, or `Accept: text/plain` without `format`.
  static func wantsDocument(_ request: Request) throws -> Bool {
    switch request.uri.queryParameters.get("format") {
    case "text": return true
    case "json": return false
    case nil: return request.headers[.accept]?.contains("text/plain") ?? false
    default:
      throw ProblemDetails(
        status: .unprocessableContent, detail: "format must be json or text",
        errors: [ValidationIssue(field: "format", code: "enum", message: "format must be json or text")])
    }
  }
}
