public import Contract
public import Hummingbird
import NIOCore

/// An RFC 9457 problem (`application/problem+json`): what every HTTP error of the services looks like.
public struct ProblemDetails: Error, Encodable, Sendable {
  /// Always `about:blank`: the status says what kind of problem it is.
  public var type = "about:blank"
  /// A short summary of the kind of problem.
  public var title: String
  /// The HTTP status.
  public var status: Int
  /// What went wrong in this case, and what to do.
  public var detail: String?
  /// For validation failures (422): every problem found.
  public var errors: [ValidationIssue]?

  /// Creates a problem.
  public init(status: HTTPResponse.Status, detail: String? = nil, errors: [ValidationIssue]? = nil) {
    self.title = status.reasonPhrase
    self.status = status.code
    self.detail = detail
    self.errors = errors
  }

  /// The problem as a response.
  public var response: Response {
    let body = (try? EventCoding.encode(self)) ?? Array(#"{"title":"Internal Server Error","status":500}"#.utf8)
    var headers: HTTPFields = [.contentType: "application/problem+json"]
    if status == 401 {
      headers[.wwwAuthenticate] = "Bearer"  // RFC 6750 §3
    }
    return Response(
      status: HTTPResponse.Status(code: status), headers: headers,
      body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
  }
}
