import ArgumentParser
import Contract

/// `vi command register`: a signed `nl.verwijsindex.signal.register.v1` command onto the intake topic.
struct CommandRegister: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "register", abstract: "Produce a register command onto the intake topic.",
    discussion: """
      Builds the CloudEvent (type \(CommandType.register.rawValue), source urn:vi:org:<organisation>), signs the \
      exact bytes of the value with --key (vi-signature: detached JWS, EdDSA, kid = the organisation id), produces \
      it keyed by the organisation id and prints the partition and offset. SignalIntake's verdict arrives as a \
      signal or, if it is not valid, on the rejections topic: see vi rejections.
      """)

  @OptionGroup(title: "The signal")
  var signal: RegisterOptions

  @OptionGroup
  var intake: IntakeCommandOptions

  func validate() throws {
    if signal.data != nil && signal.professional != nil {
      throw ValidationError("with --data, put professionalId in the file; --professional is for the field options")
    }
  }

  func run() async throws {
    try await intake.send(.register) { try signal.source() }
  }
}
