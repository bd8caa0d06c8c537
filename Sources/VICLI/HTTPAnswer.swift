import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// SignalIntake's answer to one request.
struct HTTPAnswer {
  /// The method and path, for messages.
  let request: String
  /// The HTTP status.
  let status: Int
  /// The `Content-Type`, when given.
  let contentType: String?
  /// The body.
  let body: Data

  /// Whether the status is 2xx.
  var isSuccess: Bool { (200..<300).contains(status) }

  /// Prints `HTTP <status>` and the body (JSON indented) on standard output; throws a ``CLIError`` with the problem's
  /// detail and errors unless the status is 2xx.
  func printAndCheck() throws {
    print("HTTP \(status) \(HTTPURLResponse.localizedString(forStatusCode: status))")
    if !body.isEmpty {
      print(Self.readable(body))
    }
    guard isSuccess else { throw CLIError(failureMessage) }
  }

  /// The problem's `detail` and every entry of its `errors`, or the body itself when it is not a problem.
  var failureMessage: String {
    var message = "\(request) answered \(status)"
    guard let problem = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else {
      return message
    }
    if let detail = problem["detail"] as? String ?? problem["title"] as? String {
      message += ": \(detail)"
    }
    for issue in problem["errors"] as? [[String: Any]] ?? [] {
      let field = issue["field"] as? String ?? "?"
      let code = issue["code"] as? String ?? "?"
      message += "\n  \(field) [\(code)] \(issue["message"] as? String ?? "")"
    }
    return message
  }

  /// JSON indented with sorted keys; anything else as text.
  static func readable(_ body: Data) -> String {
    guard let object = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]),
      let pretty = try? JSONSerialization.data(
        withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
    else { return String(decoding: body, as: UTF8.self) }
    return String(decoding: pretty, as: UTF8.self)
  }
}
