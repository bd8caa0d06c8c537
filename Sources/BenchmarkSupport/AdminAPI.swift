import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// SignalIntake's admin API, for registering a benchmark's organisations and professionals.
public struct AdminAPI: Sendable {
  /// SignalIntake's base URL.
  public let intakeURL: String
  /// The region administrator's token.
  public let token: String

  /// `PUT /v1/admin/<path>` with the JSON `body`; throws unless SignalIntake answers 200.
  public func put(_ path: String, json body: String) async throws {
    guard let url = URL(string: "\(intakeURL)/v1/admin/\(path)") else {
      throw BenchmarkError(
        "'\(intakeURL)' is not a URL; set VI_INTAKE_URL to SignalIntake's, e.g. http://127.0.0.1:8080")
    }
    var request = URLRequest(url: url)
    request.httpMethod = "PUT"
    request.httpBody = Data(body.utf8)
    request.setValue("application/json", forHTTPHeaderField: "Content-Type")
    request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
    let data: Data
    let response: URLResponse
    do {
      (data, response) = try await URLSession.shared.data(for: request)
    } catch {
      throw BenchmarkError("PUT \(path) failed: \(error); is SignalIntake running at \(intakeURL)?")
    }
    guard (response as? HTTPURLResponse)?.statusCode == 200 else {
      throw BenchmarkError("PUT \(path) was refused: \(String(decoding: data, as: UTF8.self))")
    }
  }
}
