import Retention

/// The Retention executable. Everything it does lives in the Retention library, so tests and tools can link it.
@main
enum RetentionMain {
  static func main() async {
    await RetentionCommand.main(nil)
  }
}
