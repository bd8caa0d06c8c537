import Contract
import Foundation
import Registry

@testable import SignalIntake

/// A small registry and a validator at a fixed moment, for the validation tables.
enum Fixtures {
  /// 2026-06-15 12:00 in Amsterdam (10:00 UTC).
  static let now = ISO8601DateFormatter().date(from: "2026-06-15T10:00:00Z")!

  static let registry: RegistrySnapshot = {
    var registry = RegistrySnapshot()
    let key = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"
    registry.apply(
      RegistryEvent(
        Organisation(
          id: "org-1", name: "School", type: "school", municipality: "0363", region: "r", publicKey: key,
          coordinator: nil, active: true)))
    registry.apply(
      RegistryEvent(
        Organisation(
          id: "org-off", name: "Closed", type: "jgz", municipality: "0363", region: "r", publicKey: key,
          coordinator: nil, active: false)))
    registry.apply(
      RegistryEvent(
        Professional(id: "prof-1", organisationId: "org-1", name: "A", email: "a@x.nl", phone: "1", active: true)))
    registry.apply(
      RegistryEvent(
        Professional(id: "prof-off", organisationId: "org-1", name: "B", email: "b@x.nl", phone: "2", active: false)))
    registry.apply(
      RegistryEvent(
        Professional(id: "prof-2", organisationId: "org-off", name: "C", email: "c@x.nl", phone: "3", active: true)))
    return registry
  }()

  static let validator = CommandValidator(
    registry: registry, pseudonymizer: Pseudonymizer(key: Array(repeating: 7, count: 32)), now: now)

  /// A valid register command for a child of 10 (informed: parents).
  static func register(
    professionalId: String? = "prof-1", informed: String? = "parents", reference: String? = "R-1",
    child: ChildIdentity? = child()
  ) -> CommandData {
    CommandData(professionalId: professionalId, reference: reference, informed: informed, child: child)
  }

  static func child(
    bsn: String? = "111222333", familyName: String? = "Jansen", givenNames: String? = "Pieter Jan",
    birthDate: String? = "2016-01-01", gender: String? = "M", parentBsns: [String]? = nil, address: Address? = nil
  ) -> ChildIdentity {
    ChildIdentity(
      bsn: bsn, familyName: familyName, givenNames: givenNames, birthDate: birthDate, gender: gender,
      parentBsns: parentBsns, address: address)
  }

  /// The codes of the issues of a register command, or [] when valid.
  static func registerCodes(_ data: CommandData?, organisationId: String = "org-1") -> [String] {
    switch validator.register(data, organisationId: organisationId) {
    case .success: []
    case .failure(let issues): issues.issues.map(\.code)
    }
  }
}
