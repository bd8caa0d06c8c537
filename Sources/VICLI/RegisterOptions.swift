import ArgumentParser
import Contract

/// The data of a register command, as options or a file.
struct RegisterOptions: ParsableArguments {
  @Option(help: "The signalling professional's id.")
  var professional: String?

  @Option(help: "The professional's own client number for the child (optional, at most 64 characters).")
  var reference: String?

  @Option(help: "Who was informed: \(Informed.allCases.map(\.rawValue).joined(separator: ", ")).")
  var informed: String?

  @OptionGroup(title: "The child")
  var child: ChildOptions

  @Option(
    help: ArgumentHelp(
      "A JSON file with the whole data object instead of the field options ('-': standard input).",
      valueName: "file"))
  var data: String?

  /// The data from the options or the file.
  func source() throws -> CommandDataSource {
    try CommandDataSource.make(file: data, fieldOptionsGiven: reference != nil || informed != nil || !child.isEmpty) {
      CommandData(professionalId: professional, reference: reference, informed: informed, child: child.identity)
    }
  }
}
