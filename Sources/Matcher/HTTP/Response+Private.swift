import Hummingbird
import NIOCore

extension Response {
  /// A JSON response about people, which no cache may keep.
  static func privateJSON(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
    var response = try Response.json(value, status: status)
    response.headers[.cacheControl] = "no-store"
    return response
  }

  /// A plain-text document (UTF-8) about people, which no cache may keep.
  static func privateText(_ text: String) -> Response {
    Response(
      status: .ok, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
      body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
  }
}
