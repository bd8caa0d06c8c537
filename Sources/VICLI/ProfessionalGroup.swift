import ArgumentParser

/// `vi professional`: the professionals of the registry.
struct ProfessionalGroup: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "professional", abstract: "Register professionals (admin API).", subcommands: [ProfessionalPut.self])
}
