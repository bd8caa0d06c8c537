import Dispatch
import Foundation
import NIOConcurrencyHelpers
import NIOPosix

/// Runs blocking librdkafka work on threads of its own, never on Swift's cooperative pool.
enum KafkaThread {
  /// The key under which a dedicated thread keeps its name in its thread dictionary (`Thread.name` is not
  /// reliable on Linux).
  private static let nameKey = "vi.kafka.thread"

  /// The name of the dedicated thread this runs on, or `nil` on any other thread (such as the cooperative pool).
  static var currentName: String? { Thread.current.threadDictionary[nameKey] as? String }

  /// Runs `body` on a new dedicated thread and returns when it has finished. For long-running poll loops.
  static func run(name: String, _ body: @escaping @Sendable () -> Void) async {
    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
      let thread = Thread {
        Thread.current.threadDictionary[nameKey] = name
        body()
        continuation.resume()
      }
      thread.name = name
      thread.start()
    }
  }

  /// Releases a librdkafka handle that ``KafkaProducer/run()`` or ``KafkaConsumer/run()`` never took over, on a
  /// new thread of its own: `rd_kafka_destroy` blocks (a consumer leaves its group), and whichever thread drops the
  /// client or consumer may be one of Swift's cooperative pool. `take` hands over the last reference; the handle
  /// is destroyed when it goes out of scope on that thread.
  static func release(name: String, _ take: @escaping @Sendable () -> RDKafkaClient?) {
    let thread = Thread {
      Thread.current.threadDictionary[nameKey] = name
      guard let client = take() else { return }
      withExtendedLifetime(client) {}
    }
    thread.name = name
    thread.start()
  }

  /// Runs a short blocking call (a commit, an admin request) on NIO's blocking-I/O thread pool.
  static func call<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await NIOThreadPool.singleton.runIfActive(body)
  }

  /// Waits, on the calling dedicated thread, for an async operation that runs on the Swift runtime.
  ///
  /// Only for librdkafka callbacks, which run on our own poll thread; calling this on the cooperative pool could
  /// deadlock it. Every 100 ms it asks `abandonWhen`; once that says yes (the consumer is closing), it cancels the
  /// operation and returns `nil` at once, so that an operation that hangs (a query while PostgreSQL is down) cannot
  /// keep the consumer from closing.
  static func blockingWait<T: Sendable>(
    abandonWhen: @Sendable () -> Bool, _ operation: @escaping @Sendable () async throws -> T
  ) -> Result<T, any Error>? {
    let semaphore = DispatchSemaphore(value: 0)
    let box = NIOLockedValueBox<Result<T, any Error>?>(nil)
    let task = Task {
      let result: Result<T, any Error>
      do { result = .success(try await operation()) } catch { result = .failure(error) }
      box.withLockedValue { $0 = result }
      semaphore.signal()
    }
    while semaphore.wait(timeout: .now() + .milliseconds(100)) == .timedOut {
      if abandonWhen() {
        task.cancel()
        return nil
      }
    }
    return box.withLockedValue { $0! }
  }
}
