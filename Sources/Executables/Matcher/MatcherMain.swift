import Matcher

/// The Matcher executable. Everything it does lives in the Matcher library, so tests and tools can link it.
@main
enum MatcherMain {
  static func main() async {
    await MatcherCommand.main(nil)
  }
}
