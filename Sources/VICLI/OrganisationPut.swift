import ArgumentParser
import Foundation
import JOSE

/// `vi organisation put`: creates or replaces an organisation with `PUT /v1/admin/organisations/{id}`.
struct OrganisationPut: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "put", abstract: "Create or replace an organisation.",
    discussion: "Sends PUT /v1/admin/organisations/<id> with the admin token and prints SignalIntake's answer.")

  @Argument(help: "The organisation id, as in its commands' source urn:vi:org:<id> and its tokens' iss.")
  var id: String

  @Option(help: "Its name, shown in match notices.")
  var name: String

  @Option(help: "Its type (school, jgz, huisarts, jeugdhulp, veiligthuis, politie, ...), used for regie.")
  var type: String

  @Option(help: "The code of the municipality it is connected under, e.g. 0363.")
  var municipality: String

  @Option(help: "The region it belongs to.")
  var region: String

  /// Parsed unconditionally: base64url uses `-`, so one key in 64 begins with it and would otherwise be taken for an
  /// option.
  @Option(
    name: .customLong("public-key"), parsing: .unconditional,
    help: "Its Ed25519 public key in registry form (base64url of 32 raw bytes), as vi keygen prints it.")
  var publicKey: String

  @Option(name: .customLong("coordinator-name"), help: "The coordinator's name (with email and phone).")
  var coordinatorName: String?

  @Option(name: .customLong("coordinator-email"), help: "The coordinator's e-mail address.")
  var coordinatorEmail: String?

  @Option(name: .customLong("coordinator-phone"), help: "The coordinator's telephone number.")
  var coordinatorPhone: String?

  @Flag(help: "Register it as inactive: its professionals cannot signal.")
  var inactive = false

  @OptionGroup(title: "Administration")
  var admin: AdminOptions

  func validate() throws {
    let coordinator = [coordinatorName, coordinatorEmail, coordinatorPhone]
    if coordinator.contains(where: { $0 != nil }) && coordinator.contains(where: { $0 == nil }) {
      throw ValidationError("give all of --coordinator-name, --coordinator-email and --coordinator-phone, or none")
    }
    do {
      _ = try OrganisationKey.parse(publicKey)
    } catch {
      throw ValidationError("--public-key: \(error)")
    }
  }

  func run() async throws {
    var coordinator: Any = NSNull()
    if let coordinatorName, let coordinatorEmail, let coordinatorPhone {
      coordinator = ["name": coordinatorName, "email": coordinatorEmail, "phone": coordinatorPhone]
    }
    try await admin.put(
      "organisations", id: id,
      body: [
        "name": name, "type": type, "municipality": municipality, "region": region, "publicKey": publicKey,
        "coordinator": coordinator, "active": !inactive,
      ])
  }
}
