/// The body of `POST /v1/admin/log-book/search`: the child, and optionally the same range as the log book's query
/// parameters.
struct LogBookSearchRequest: Decodable, Sendable {
  var child: ChildIdentityBody?
  var from: String?
  var to: String?
  var after: Int64?
  var limit: Int?
}
