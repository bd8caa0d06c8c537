import Contract
public import Hummingbird
import NIOCore

extension Request {
  /// Reads a JSON body of at most `limit` bytes: 413 when larger, 400 when it is not the expected JSON.
  public mutating func decodeJSON<T: Decodable>(_ type: T.Type, limit: Int) async throws -> T {
    let buffer = try await collectBody(upTo: limit)
    do {
      return try EventCoding.decoder().decode(type, from: buffer)
    } catch {
      throw ProblemDetails(status: .badRequest, detail: "the body is not the expected JSON object")
    }
  }
}
