import ArgumentParser

/// `vi organisation`: the organisations of the registry.
struct OrganisationGroup: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "organisation", abstract: "Register organisations (admin API).", subcommands: [OrganisationPut.self])
}
