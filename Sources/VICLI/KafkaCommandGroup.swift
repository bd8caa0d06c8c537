import ArgumentParser

/// `vi command`: commands onto the intake topic, as an organisation's source system produces them.
struct KafkaCommandGroup: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "command", abstract: "Produce a signed register or end command onto the intake topic (Kafka).",
    subcommands: [CommandRegister.self, CommandEnd.self])
}
