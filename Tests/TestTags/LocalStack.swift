import Foundation
public import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Whether the local stack runs: PostgreSQL, the Kafka broker and the SMTP sink answer where
/// `scripts/stack-env.sh` says (its defaults otherwise). Integration and system tests need it.
///
/// `VI_REQUIRE_STACK=1` (the test command sets it) makes the tests run regardless, so that a stack that is not
/// there fails them instead of skipping them.
public enum LocalStack {
  /// Whether the tests that need the stack run.
  public static let isRunning: Bool = {
    let environment = ProcessInfo.processInfo.environment
    if environment["VI_REQUIRE_STACK"] == "1" { return true }
    let postgres = URLComponents(string: environment["VI_POSTGRES_BASE"] ?? "postgres://vi:vi@127.0.0.1:55432")
    let broker = (environment["VI_KAFKA_BROKERS"] ?? "127.0.0.1:9092").split(separator: ",").first ?? ""
    let kafkaPort = broker.split(separator: ":").last.flatMap { Int($0) } ?? 9092
    let kafkaHost = broker.split(separator: ":").dropLast().joined(separator: ":")
    return answers(postgres?.host ?? "127.0.0.1", postgres?.port ?? 55432)
      && answers(kafkaHost.isEmpty ? "127.0.0.1" : kafkaHost, kafkaPort)
      && answers(environment["VI_SMTP_HOST"] ?? "127.0.0.1", Int(environment["VI_SMTP_PORT"] ?? "") ?? 2525)
  }()

  /// What a skipped test says.
  public static let howToStart: Comment =
    "needs the local stack (PostgreSQL, Kafka, SMTP): scripts/stack.sh start, then . scripts/stack-env.sh && swift test"

  /// Whether something accepts a TCP connection at `host:port` within a second.
  private static func answers(_ host: String, _ port: Int) -> Bool {
    var hints = addrinfo()
    hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
    var found: UnsafeMutablePointer<addrinfo>?
    guard getaddrinfo(host, String(port), &hints, &found) == 0, let first = found else { return false }
    defer { freeaddrinfo(first) }
    let socket = Glibc.socket(first.pointee.ai_family, first.pointee.ai_socktype, first.pointee.ai_protocol)
    guard socket >= 0 else { return false }
    defer { close(socket) }
    var timeout = timeval(tv_sec: 1, tv_usec: 0)
    setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    return connect(socket, first.pointee.ai_addr, first.pointee.ai_addrlen) == 0
  }
}

extension Trait where Self == ConditionTrait {
  /// Runs the suite only while the local stack runs (or `VI_REQUIRE_STACK=1`); otherwise skips it, saying how to
  /// start the stack.
  public static var localStack: Self {
    .enabled(if: LocalStack.isRunning, LocalStack.howToStart)
  }
}
