import Contract
public import Hummingbird
import NIOCore

extension Response {
  /// A JSON response.
  public static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
    Response(
      status: status, headers: [.contentType: "application/json"],
      body: ResponseBody(byteBuffer: ByteBuffer(bytes: try EventCoding.encode(value))))
  }
}
