import Foundation
import Hummingbird
import Logging
import PostgresNIO
import ServiceKit

/// The log book for the region administrator: `GET /v1/admin/log-book?from=&to=&after=&limit=` (every row) and
/// `POST /v1/admin/log-book/search` (the rows about one child, named in the body). Reading it is itself logged.
struct AdminLogBookRoutes: Sendable {
  let adminToken: AdminToken
  let locator: ChildLocator
  let postgres: PostgresClient
  let reader: ChildInspectionReader
  let logBook: LogBook
  let logger: Logger

  /// Adds the two routes.
  func add(to router: Router<BasicRequestContext>) {
    router.get("/v1/admin/log-book") { request, _ in try await read(request) }
    router.post("/v1/admin/log-book/search") { request, _ in try await search(request) }
  }

  /// `GET /v1/admin/log-book`: a page of every row; logged as `logBook.read`.
  private func read(_ request: Request) async throws -> Response {
    try adminToken.authorize(request)
    let query = request.uri.queryParameters
    var issues = FieldIssues()
    let range = LogBookRange(
      from: query.get("from"), to: query.get("to"), after: query.get("after"), limit: query.get("limit"),
      into: &issues)
    try issues.check("the log book query is not valid")
    let entries = try await Unavailable.mapping(logger, "read the log book") {
      try await postgres.withTransaction(logger: logger) { connection in
        let entries = try await logBook.entries(in: range, on: connection)
        try await logBook.write(
          [
            LogBookRow(
              actor: LogBookRow.admin, action: .logBookRead, detail: range.detail(entries: entries.count))
          ], on: connection)
        return entries
      }
    }
    return try .privateJSON(LogBookPage(entries, limit: range.limit))
  }

  /// `POST /v1/admin/log-book/search`: a page of the rows about one child; logged as `logBook.searched`, naming the
  /// child only when something is stored about it.
  private func search(_ request: Request) async throws -> Response {
    try adminToken.authorize(request)
    var request = request
    let body = try await request.decodeJSON(LogBookSearchRequest.self, limit: AdminChildRoutes.bodyLimit)
    var issues = FieldIssues()
    let key = locator.check(body.child, field: "child", into: &issues)
    let range = LogBookRange(
      from: body.from, to: body.to, after: body.after.map(String.init), limit: body.limit.map(String.init),
      into: &issues)
    try issues.check("the log book search is not valid")
    let entries = try await Unavailable.mapping(logger, "search the log book") {
      try await postgres.withTransaction(logger: logger) { connection in
        let stored = try await reader.storedPseudonym(key!, on: connection)
        let entries =
          stored == nil ? [] : try await logBook.entries(about: key!.all, in: range, on: connection)
        try await logBook.write(
          [
            LogBookRow(
              actor: LogBookRow.admin, action: .logBookSearched, childPseudonym: stored,
              detail: range.detail(entries: entries.count))
          ], on: connection)
        return entries
      }
    }
    return try .privateJSON(LogBookPage(entries, limit: range.limit))
  }
}
