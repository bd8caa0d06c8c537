import Contract
import Foundation
import Hummingbird
import JOSE
import Logging
import PostgresNIO
import Registry
import ServiceKit

/// `POST /v1/signals` and `POST /v1/signals/end`, with the same validation as the intake topic.
///
/// The caller authenticates with a bearer JWT signed by the organisation's registered key (`iss` the organisation,
/// `sub` the professional): 401 without a valid one, 403 when the body's professional is not the token's.
struct SignalRoutes: Sendable {
  let registry: IntakeRegistry
  let publisher: SignalPublisher
  let postgres: PostgresClient
  let logger: Logger

  func add(to router: Router<BasicRequestContext>) {
    router.post("/v1/signals") { request, _ in try await register(request) }
    router.post("/v1/signals/end") { request, _ in try await end(request) }
  }

  /// A request that passed authentication (401), reading (400, 413) and authorisation (403), ready to validate.
  private struct Authorised {
    var data: CommandData
    var token: BearerToken
    var validator: CommandValidator
    var now: Date
  }

  private func authorised(_ request: Request) async throws -> Authorised {
    var request = request
    let now = Date()
    let snapshot = registry.current
    let token = try authenticate(request, registry: snapshot, now: now)
    let data = try await request.decodeJSON(CommandData.self, limit: CommandDecoder.maximumBytes)
    try authorise(token, professionalId: data.professionalId, registry: snapshot)
    return Authorised(
      data: data, token: token,
      validator: CommandValidator(
        registry: snapshot, pseudonymizer: publisher.pseudonymizer, now: now,
        institutionalAddresses: publisher.institutionalAddresses), now: now)
  }

  private func register(_ request: Request) async throws -> Response {
    let request = try await authorised(request)
    let now = request.now
    switch request.validator.register(request.data, organisationId: request.token.organisationId) {
    case .failure(let issues):
      throw ProblemDetails(status: .unprocessableContent, detail: "the signal is not valid", errors: issues.issues)
    case .success(let registration):
      let event = try await publish {
        try await postgres.withConnection { connection in
          try await publisher.register(
            [SignalPublisher.Registration(registration: registration, candidate: UUID(), eventId: UUID())], now: now,
            on: connection)[0]
        }
      }
      guard case .registered(let registered) = event.change else {
        preconditionFailure("SignalPublisher.register(_:now:on:) makes registrations only")
      }
      return try .json(["signalId": registered.signalId.uuidString.lowercased()], status: .accepted)
    }
  }

  private func end(_ request: Request) async throws -> Response {
    let request = try await authorised(request)
    let now = request.now
    switch request.validator.end(request.data, organisationId: request.token.organisationId) {
    case .failure(let issues):
      throw ProblemDetails(status: .unprocessableContent, detail: "the end command is not valid", errors: issues.issues)
    case .success(let ending):
      _ = try await publish {
        try await postgres.withConnection { connection in
          try await publisher.end(ending, eventId: UUID(), now: now, on: connection)
        }
      }
      return Response(status: .accepted)
    }
  }

  /// 401 unless the request carries a valid token of an active, registered organisation.
  private func authenticate(_ request: Request, registry: RegistrySnapshot, now: Date) throws -> BearerToken {
    do {
      return try BearerToken.verify(authorization: request.headers[.authorization], now: now) { issuer in
        guard let organisation = registry.organisations[issuer], organisation.active else { return nil }
        return try? OrganisationKey.parse(organisation.publicKey)
      }
    } catch {
      throw ProblemDetails(status: .unauthorized, detail: error.message)
    }
  }

  /// 403 when the body's professional is not the token's `sub`, or is registered under another organisation.
  private func authorise(_ token: BearerToken, professionalId: String?, registry: RegistrySnapshot) throws {
    guard professionalId == token.professionalId else {
      throw ProblemDetails(status: .forbidden, detail: "the token is not for professional '\(professionalId ?? "")'")
    }
    if let professional = registry.professionals[token.professionalId], !token.authorises(professional) {
      throw ProblemDetails(status: .forbidden, detail: "the professional does not belong to the token's organisation")
    }
  }

  /// Stores and publishes; 503 when PostgreSQL or the broker cannot take it now.
  private func publish(_ make: () async throws -> SignalEvent) async throws -> SignalEvent {
    do {
      let event = try await make()
      try await publisher.producer.send(publisher.message(for: event))
      return event
    } catch {
      logger.error("Could not store or publish a signal event; answering 503", metadata: ["error": "\(error)"])
      throw ProblemDetails(status: .serviceUnavailable, detail: "the signal could not be stored now; retry later")
    }
  }
}
