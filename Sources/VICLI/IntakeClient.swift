import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A small HTTP client for SignalIntake.
struct IntakeClient {
  /// SignalIntake's base URL.
  let baseURL: URL

  /// Sends one request to the path made of `path` (each segment percent-encoded) and returns the answer.
  func send(_ method: String, path: [String], body: [UInt8]?, bearer: String?) async throws -> HTTPAnswer {
    var allowed = CharacterSet.urlPathAllowed
    allowed.remove(charactersIn: "/")
    let encoded = path.map { $0.addingPercentEncoding(withAllowedCharacters: allowed) ?? $0 }
    let base =
      baseURL.absoluteString.hasSuffix("/") ? String(baseURL.absoluteString.dropLast()) : baseURL.absoluteString
    guard let url = URL(string: base + "/" + encoded.joined(separator: "/")) else {
      throw CLIError("cannot make a URL of \(base) and \(path)")
    }
    var request = URLRequest(url: url)
    request.httpMethod = method
    request.timeoutInterval = 30
    if let body {
      request.httpBody = Data(body)
      request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    }
    if let bearer {
      request.setValue("Bearer \(bearer)", forHTTPHeaderField: "Authorization")
    }
    let data: Data
    let response: URLResponse
    do {
      (data, response) = try await URLSession.shared.data(for: request)
    } catch {
      throw CLIError(
        "\(method) \(url.absoluteString) failed: \(error.localizedDescription); is SignalIntake running there?"
          + " Pass --url or set \(IntakeOptions.environmentVariable)")
    }
    guard let http = response as? HTTPURLResponse else {
      throw CLIError("\(method) \(url.absoluteString) did not get an HTTP answer")
    }
    return HTTPAnswer(
      request: "\(method) \(url.path)", status: http.statusCode,
      contentType: http.value(forHTTPHeaderField: "Content-Type"), body: data)
  }
}
