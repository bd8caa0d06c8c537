import SignalIntake

/// The SignalIntake executable. Everything it does lives in the SignalIntake library, so tests and tools can link it.
@main
enum SignalIntakeMain {
  static func main() async {
    await SignalIntakeCommand.main(nil)
  }
}
