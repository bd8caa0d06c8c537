import Hummingbird
import Logging
import Shared

/// The registry administration: `PUT /v1/admin/organisations/{id}`, `/professionals/{id}`,
/// `/municipalities/{code}`, with the admin token.
struct AdminRoutes: Sendable {
  static let bodyLimit = 16 * 1024

  let registry: IntakeRegistry
  let adminToken: AdminToken
  let logger: Logger

  init(registry: IntakeRegistry, adminToken: String, logger: Logger) {
    self.registry = registry
    self.adminToken = AdminToken(adminToken)
    self.logger = logger
  }

  func add(to router: Router<BasicRequestContext>) {
    router.put("/v1/admin/organisations/:id") { request, context in
      try adminToken.authorize(request)
      var request = request
      let body = try await request.decodeJSON(OrganisationBody.self, limit: Self.bodyLimit)
      let id = try context.parameters.require("id")
      do {
        _ = try OrganisationKey.parse(body.publicKey)
      } catch {
        throw ProblemDetails(
          status: .unprocessableContent, detail: "publicKey is not an Ed25519 public key",
          errors: [ValidationIssue(field: "publicKey", code: "publicKey.invalid", message: "\(error)")])
      }
      return try await apply(RegistryEvent(body.organisation(id: id)))
    }
    router.put("/v1/admin/professionals/:id") { request, context in
      try adminToken.authorize(request)
      var request = request
      let body = try await request.decodeJSON(ProfessionalBody.self, limit: Self.bodyLimit)
      let id = try context.parameters.require("id")
      return try await apply(RegistryEvent(body.professional(id: id)))
    }
    router.put("/v1/admin/municipalities/:code") { request, context in
      try adminToken.authorize(request)
      var request = request
      let body = try await request.decodeJSON(MunicipalityBody.self, limit: Self.bodyLimit)
      let code = try context.parameters.require("code")
      return try await apply(
        RegistryEvent(Municipality(code: code, name: body.name, followUpEmail: body.followUpEmail)))
    }
  }

  private func apply(_ event: RegistryEvent) async throws -> Response {
    do {
      try await registry.apply(event)
    } catch {
      logger.error("Could not store a registry change; answering 503", metadata: ["error": "\(error)"])
      throw ProblemDetails(status: .serviceUnavailable, detail: "the change could not be stored now; retry it")
    }
    logger.info(
      "Registry changed", metadata: ["registry.entity": "\(event.entity.rawValue)", "registry.id": "\(event.id)"])
    return try .json(event, status: .ok)
  }
}

/// The body of `PUT /v1/admin/organisations/{id}`.
struct OrganisationBody: Decodable {
  var name: String
  var type: String
  var municipality: String
  var region: String
  var publicKey: String
  var coordinator: Contact?
  var active: Bool

  func organisation(id: String) -> Organisation {
    Organisation(
      id: id, name: name, type: type, municipality: municipality, region: region, publicKey: publicKey,
      coordinator: coordinator, active: active)
  }
}

/// The body of `PUT /v1/admin/professionals/{id}`.
struct ProfessionalBody: Decodable {
  var organisationId: String
  var name: String
  var email: String
  var phone: String
  var active: Bool

  func professional(id: String) -> Professional {
    Professional(id: id, organisationId: organisationId, name: name, email: email, phone: phone, active: active)
  }
}

/// The body of `PUT /v1/admin/municipalities/{code}`.
struct MunicipalityBody: Decodable {
  var name: String
  var followUpEmail: String
}
