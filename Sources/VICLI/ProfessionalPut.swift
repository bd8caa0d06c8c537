import ArgumentParser

/// `vi professional put`: creates or replaces a professional with `PUT /v1/admin/professionals/{id}`.
struct ProfessionalPut: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "put", abstract: "Create or replace a professional.",
    discussion: "Sends PUT /v1/admin/professionals/<id> with the admin token and prints SignalIntake's answer.")

  @Argument(help: "The professional id: the professionalId of their signals and the sub of their tokens.")
  var id: String

  @Option(help: "The id of the organisation that appointed them.")
  var organisation: String

  @Option(help: "Their full name, shown in match notices.")
  var name: String

  @Option(help: "The e-mail address match notices go to.")
  var email: String

  @Option(help: "Their telephone number, shown in match notices.")
  var phone: String

  @Flag(help: "Register them as inactive: they cannot signal.")
  var inactive = false

  @OptionGroup(title: "Administration")
  var admin: AdminOptions

  func run() async throws {
    try await admin.put(
      "professionals", id: id,
      body: ["organisationId": organisation, "name": name, "email": email, "phone": phone, "active": !inactive])
  }
}
