import Foundation
import TestSupport

/// Where the local stack is, as `scripts/stack-env.sh` exports it (the test command sources it), with its defaults.
enum TestEnvironment {
  static let values = ProcessInfo.processInfo.environment
  static let kafkaBrokers = values["VI_KAFKA_BROKERS"] ?? "127.0.0.1:9092"
  static let smtpHost = values["VI_SMTP_HOST"] ?? "127.0.0.1"
  static let smtpPort = values["VI_SMTP_PORT"] ?? "2525"
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let mailDirectory = URL(
    fileURLWithPath: values["VI_MAIL_DIR"] ?? packageRoot.appendingPathComponent(".vi/mail").path)
  /// The services' binaries: `VI_BIN_DIR`, or the debug build that `swift test` just made.
  static let binaries = ServiceProcess.binaries
}
