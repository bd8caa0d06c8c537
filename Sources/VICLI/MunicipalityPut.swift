import ArgumentParser

/// `vi municipality put`: creates or replaces a municipality with `PUT /v1/admin/municipalities/{code}`.
struct MunicipalityPut: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "put", abstract: "Create or replace a municipality.",
    discussion: "Sends PUT /v1/admin/municipalities/<code> with the admin token and prints SignalIntake's answer.")

  @Argument(help: "The CBS municipality code, e.g. 0363.")
  var code: String

  @Option(help: "Its name.")
  var name: String

  @Option(name: .customLong("follow-up-email"), help: "Where the follow-up officer's (regievoerder's) notices go.")
  var followUpEmail: String

  @OptionGroup(title: "Administration")
  var admin: AdminOptions

  func run() async throws {
    try await admin.put("municipalities", id: code, body: ["name": name, "followUpEmail": followUpEmail])
  }
}
