import Contract
import Foundation
import Hummingbird
import JOSE
import Logging
import ServiceKit

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
      let id = try Self.identifier(context.parameters.require("id"))
      try Self.checkTexts([
        ("name", body.name), ("type", body.type), ("municipality", body.municipality), ("region", body.region),
        ("coordinator.name", body.coordinator?.name), ("coordinator.email", body.coordinator?.email),
        ("coordinator.phone", body.coordinator?.phone),
      ])
      do {
        _ = try OrganisationKey.parse(body.publicKey)
      } catch {
        throw ProblemDetails(
          status: .unprocessableContent, detail: "publicKey is not an Ed25519 public key",
          errors: [ValidationIssue(field: "publicKey", code: .publicKeyInvalid, message: "\(error)")])
      }
      return try await apply(RegistryEvent(body.organisation(id: id)))
    }
    router.put("/v1/admin/professionals/:id") { request, context in
      try adminToken.authorize(request)
      var request = request
      let body = try await request.decodeJSON(ProfessionalBody.self, limit: Self.bodyLimit)
      let id = try Self.identifier(context.parameters.require("id"))
      try Self.checkTexts([
        ("organisationId", body.organisationId), ("name", body.name), ("email", body.email), ("phone", body.phone),
      ])
      return try await apply(RegistryEvent(body.professional(id: id)))
    }
    router.put("/v1/admin/municipalities/:code") { request, context in
      try adminToken.authorize(request)
      var request = request
      let body = try await request.decodeJSON(MunicipalityBody.self, limit: Self.bodyLimit)
      let code = try Self.identifier(context.parameters.require("code"))
      try Self.checkTexts([("name", body.name), ("followUpEmail", body.followUpEmail)])
      return try await apply(
        RegistryEvent(Municipality(code: code, name: body.name, followUpEmail: body.followUpEmail)))
    }
  }

  /// A path identifier, percent-decoded: 1 to 64 characters without control characters, else 422.
  static func identifier(_ raw: String) throws -> String {
    let id = raw.removingPercentEncoding ?? raw
    guard !id.isEmpty, id.count <= 64, !TextRules.hasControlCharacters(id) else {
      throw ProblemDetails(
        status: .unprocessableContent, detail: "the id in the path is not valid",
        errors: [
          ValidationIssue(
            field: "id", code: .idInvalid, message: "an id is 1 to 64 characters without control characters")
        ])
    }
    return id
  }

  /// 422 when any of the texts is empty (where given) or holds a control character.
  static func checkTexts(_ texts: [(String, String?)]) throws {
    let issues = texts.compactMap { field, value -> ValidationIssue? in
      guard let value else { return nil }
      if value.trimmingCharacters(in: .whitespaces).isEmpty {
        return ValidationIssue(field: field, code: .required, message: "\(field) is empty")
      }
      if TextRules.hasControlCharacters(value) {
        return ValidationIssue(field: field, code: .textControl, message: "\(field) contains a control character")
      }
      return nil
    }
    guard issues.isEmpty else {
      throw ProblemDetails(status: .unprocessableContent, detail: "the entry is not valid", errors: issues)
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
