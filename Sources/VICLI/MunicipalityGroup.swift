import ArgumentParser

/// `vi municipality`: the municipalities of the registry.
struct MunicipalityGroup: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "municipality", abstract: "Register municipalities (admin API).", subcommands: [MunicipalityPut.self])
}
