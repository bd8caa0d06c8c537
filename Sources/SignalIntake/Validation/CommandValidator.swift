import Contract
import Foundation
import Registry
import Rules

/// Validates command data against DOMAIN.md and the registry, and pseudonymises the child. The HTTP API and the
/// intake topic both use it, so both paths accept and reject exactly the same commands.
struct CommandValidator: Sendable {
  static let maximumReferenceLength = 64
  static let maximumIdLength = 64
  static let maximumNameLength = 200
  static let maximumParents = 4
  /// Everything about a child goes on the 23rd birthday; a signal needs the child to be younger.
  static let maximumAge = Lifecycle.erasureAge

  let registry: RegistrySnapshot
  let pseudonymizer: Pseudonymizer
  /// The signal's date: the moment of validation, in Europe/Amsterdam.
  let now: Date
  /// Address keys (``Address/key``) of institutional addresses, which make no address match.
  var institutionalAddresses: Set<String> = []

  /// Validates a register command from `organisationId`.
  func register(_ data: CommandData?, organisationId: String) -> Result<ValidRegistration, ValidationIssues> {
    var issues = ValidationIssues()
    guard let data else {
      issues.add("data", .required, "the command has no data object")
      return .failure(issues)
    }
    let professionalId = checkProfessional(data.professionalId, organisationId: organisationId, into: &issues)
    issues.checkText(data.reference, field: "reference")
    if let reference = data.reference, reference.count > Self.maximumReferenceLength {
      issues.add("reference", .length, "reference is longer than \(Self.maximumReferenceLength) characters")
    }
    if data.reason != nil {
      issues.add("reason", .unexpected, "a register command has no reason; did you mean the end command?")
    }
    let identity = checkChild(data.child, into: &issues)
    let informed = checkInformed(data.informed, birthDate: identity?.birthDate, into: &issues)
    guard issues.isEmpty, let professionalId, let identity, let informed else { return .failure(issues) }
    return .success(
      ValidRegistration(
        organisationId: organisationId, professionalId: professionalId, reference: data.reference?.nilIfBlank,
        informed: informed, childPseudonym: identity.pseudonym,
        child: ChildRecord(
          initials: identity.initials, birthDate: identity.birthDate, gender: identity.gender,
          parentPseudonyms: identity.parentPseudonyms, addressPseudonym: identity.addressPseudonym),
        rekeying: identity.rekeying))
  }

  /// Validates an end command from `organisationId`.
  func end(_ data: CommandData?, organisationId: String) -> Result<ValidEnding, ValidationIssues> {
    var issues = ValidationIssues()
    guard let data else {
      issues.add("data", .required, "the command has no data object")
      return .failure(issues)
    }
    let professionalId = checkProfessional(data.professionalId, organisationId: organisationId, into: &issues)
    let identity = checkChild(data.child, into: &issues)
    var reason: EndReason?
    if let text = data.reason {
      reason = EndReason(rawValue: text)
      if reason == nil {
        issues.add("reason", .enum, "reason must be one of \(EndReason.allCases.map(\.rawValue))")
      }
    } else {
      issues.add("reason", .required, "reason is required: riskEnded or unjustified")
    }
    guard issues.isEmpty, let professionalId, let identity, let reason else { return .failure(issues) }
    return .success(
      ValidEnding(
        organisationId: organisationId, professionalId: professionalId, childPseudonym: identity.pseudonym,
        reason: reason, rekeying: identity.rekeying))
  }

  /// The organisation must be registered and active; the professional registered, active and of that organisation.
  private func checkProfessional(
    _ professionalId: String?, organisationId: String, into issues: inout ValidationIssues
  ) -> String? {
    if let organisation = registry.organisations[organisationId] {
      if !organisation.active {
        issues.add("source", .organisationInactive, "organisation '\(organisationId)' is not active")
      }
    } else {
      issues.add("source", .organisationUnknown, "organisation '\(organisationId)' is not registered")
    }
    guard let professionalId = professionalId?.nilIfBlank else {
      issues.add("professionalId", .required, "professionalId is required")
      return nil
    }
    guard issues.checkText(professionalId, field: "professionalId") else { return nil }
    guard professionalId.count <= Self.maximumIdLength else {
      issues.add("professionalId", .length, "professionalId is longer than \(Self.maximumIdLength) characters")
      return nil
    }
    guard let professional = registry.professionals[professionalId] else {
      issues.add("professionalId", .professionalUnknown, "professional '\(professionalId)' is not registered")
      return nil
    }
    if professional.organisationId != organisationId {
      issues.add(
        "professionalId", .professionalOrganisation,
        "professional '\(professionalId)' does not belong to organisation '\(organisationId)'")
    }
    if !professional.active {
      issues.add("professionalId", .professionalInactive, "professional '\(professionalId)' is not active")
    }
    return professionalId
  }
}

extension String {
  /// `nil` for an empty or all-whitespace string.
  var nilIfBlank: String? {
    trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : self
  }
}
