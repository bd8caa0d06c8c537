import Notifier

/// The Notifier executable. Everything it does lives in the Notifier library, so tests and tools can link it.
@main
enum NotifierMain {
  static func main() async {
    await NotifierCommand.main(nil)
  }
}
