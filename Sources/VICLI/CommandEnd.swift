import ArgumentParser
import Contract

/// `vi command end`: a signed `nl.verwijsindex.signal.end.v1` command onto the intake topic.
struct CommandEnd: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "end", abstract: "Produce an end command onto the intake topic.",
    discussion: """
      Builds the CloudEvent (type \(CommandType.end.rawValue)), signs the exact bytes of the value with --key, \
      produces it keyed by the organisation id and prints the partition and offset.
      """)

  @OptionGroup(title: "The ending")
  var signal: EndOptions

  @OptionGroup
  var intake: IntakeCommandOptions

  func validate() throws {
    if signal.data != nil && signal.professional != nil {
      throw ValidationError("with --data, put professionalId in the file; --professional is for the field options")
    }
  }

  func run() async throws {
    try await intake.send(.end) { try signal.source() }
  }
}
