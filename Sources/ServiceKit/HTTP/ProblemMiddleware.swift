public import Hummingbird
public import Logging
import NIOCore

/// Turns every error a handler throws into an `application/problem+json` response: ``ProblemDetails`` as they are,
/// Hummingbird's HTTP errors (404, 405, 413 ...) with their status, and anything else as a logged 500.
public struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
  private let logger: Logger

  /// Creates the middleware.
  public init(logger: Logger) {
    self.logger = logger
  }

  /// Runs the rest of the chain and converts what it throws.
  public func handle(
    _ request: Request, context: Context, next: (Request, Context) async throws -> Response
  ) async throws -> Response {
    do {
      return try await next(request, context)
    } catch let problem as ProblemDetails {
      return problem.response
    } catch is NIOTooManyBytesError {
      return ProblemDetails(status: .contentTooLarge, detail: "the body is larger than this endpoint accepts").response
    } catch let error as any HTTPResponseError {
      return ProblemDetails(status: error.status).response
    } catch {
      logger.error(
        "Request failed",
        metadata: ["http.path": "\(request.uri.path)", "error": "\(String(reflecting: type(of: error)))"])
      return ProblemDetails(status: .internalServerError, detail: "the request could not be completed; try again")
        .response
    }
  }
}
