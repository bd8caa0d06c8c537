import ArgumentParser
import Contract

/// The data of an end command, as options or a file.
struct EndOptions: ParsableArguments {
  @Option(help: "The professional whose signal ends.")
  var professional: String?

  @Option(help: "Why it ends: \(EndReason.allCases.map(\.rawValue).joined(separator: ", ")).")
  var reason: String?

  @OptionGroup(title: "The child")
  var child: ChildOptions

  @Option(
    help: ArgumentHelp(
      "A JSON file with the whole data object instead of the field options ('-': standard input).",
      valueName: "file"))
  var data: String?

  /// The data from the options or the file.
  func source() throws -> CommandDataSource {
    try CommandDataSource.make(file: data, fieldOptionsGiven: reason != nil || !child.isEmpty) {
      CommandData(professionalId: professional, child: child.identity, reason: reason)
    }
  }
}
