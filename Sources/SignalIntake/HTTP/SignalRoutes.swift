import Foundation
import Hummingbird
import Logging
import Shared

/// `POST /v1/signals` and `POST /v1/signals/end`: the same validation as the intake topic.
struct SignalRoutes: Sendable {
  let registry: IntakeRegistry
  let publisher: SignalPublisher
  let logger: Logger

  func add(to router: Router<BasicRequestContext>) {
    router.post("/v1/signals") { request, _ in try await register(request) }
    router.post("/v1/signals/end") { request, _ in try await end(request) }
  }

  private func register(_ request: Request) async throws -> Response {
    var request = request
    let data = try await request.decodeJSON(CommandData.self, limit: CommandDecoder.maximumBytes)
    let now = Date()
    let validator = CommandValidator(registry: registry.current, pseudonymizer: publisher.pseudonymizer, now: now)
    switch validator.register(data, organisationId: organisationId(of: data.professionalId)) {
    case .failure(let issues):
      throw ProblemDetails(status: .unprocessableContent, detail: "the signal is not valid", errors: issues.issues)
    case .success(let registration):
      let signalId = UUID()
      try await publish(publisher.registered(registration, signalId: signalId, eventId: UUID(), now: now))
      return try .json(["signalId": signalId.uuidString.lowercased()], status: .accepted)
    }
  }

  private func end(_ request: Request) async throws -> Response {
    var request = request
    let data = try await request.decodeJSON(CommandData.self, limit: CommandDecoder.maximumBytes)
    let now = Date()
    let validator = CommandValidator(registry: registry.current, pseudonymizer: publisher.pseudonymizer, now: now)
    switch validator.end(data, organisationId: organisationId(of: data.professionalId)) {
    case .failure(let issues):
      throw ProblemDetails(status: .unprocessableContent, detail: "the end command is not valid", errors: issues.issues)
    case .success(let ending):
      try await publish(publisher.ended(ending, eventId: UUID(), now: now))
      return Response(status: .accepted)
    }
  }

  /// The professional's organisation from the registry. (Issue 3 replaces this with the token's `iss`.)
  private func organisationId(of professionalId: String?) -> String {
    professionalId.flatMap { registry.current.professionals[$0]?.organisationId } ?? ""
  }

  private func publish(_ event: SignalEvent) async throws {
    do {
      try await publisher.publish(event)
    } catch {
      logger.error("Could not publish a signal event; answering 503", metadata: ["error": "\(error)"])
      throw ProblemDetails(status: .serviceUnavailable, detail: "the signal could not be stored now; retry later")
    }
  }
}
