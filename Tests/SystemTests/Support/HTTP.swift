import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A tiny HTTP client for the tests.
enum HTTP {
  static func request(
    _ method: String, _ url: String, json: String? = nil, bearer: String? = nil
  ) async throws -> (status: Int, body: String) {
    var request = URLRequest(url: URL(string: url)!)
    request.httpMethod = method
    request.timeoutInterval = 10
    if let json {
      request.httpBody = Data(json.utf8)
      request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    }
    if let bearer {
      request.setValue("Bearer \(bearer)", forHTTPHeaderField: "Authorization")
    }
    let (data, response) = try await URLSession.shared.data(for: request)
    return ((response as! HTTPURLResponse).statusCode, String(decoding: data, as: UTF8.self))
  }
}
