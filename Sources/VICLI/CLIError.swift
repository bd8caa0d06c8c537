/// A failure the user can act on. ArgumentParser prints it as `Error: <description>` and exits with status 1.
struct CLIError: Error, CustomStringConvertible {
  /// What went wrong and what to do about it.
  let description: String

  init(_ description: String) {
    self.description = description
  }
}
