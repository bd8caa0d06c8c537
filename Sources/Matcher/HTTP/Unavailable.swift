import Logging
import ServiceKit

/// Turns a failure of PostgreSQL or the broker into a 503 the client may retry, logged with what failed.
enum Unavailable {
  /// Runs `body`; a ``ProblemDetails`` passes through, any other error becomes a logged 503.
  static func mapping<T>(
    _ logger: Logger, _ what: String, _ body: () async throws -> T
  ) async throws -> T {
    do {
      return try await body()
    } catch let problem as ProblemDetails {
      throw problem
    } catch {
      logger.error(
        "Could not \(what); answering 503", metadata: ["error": "\(error)"])
      throw ProblemDetails(status: .serviceUnavailable, detail: "could not \(what) now; retry later")
    }
  }
}
