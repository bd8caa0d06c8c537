import NIOConcurrencyHelpers

/// Collects the delivery reports of records produced together and wakes the sender when all are in.
final class KafkaDeliveryGroup: Sendable {
  private struct State {
    var results: [Result<KafkaDeliveryReport, KafkaError>?]
    var remaining: Int
    var waiter: CheckedContinuation<[KafkaDeliveryReport], any Error>?
  }

  private let state: NIOLockedValueBox<State>

  init(count: Int) {
    state = NIOLockedValueBox(State(results: Array(repeating: nil, count: count), remaining: count))
  }

  /// Record `index` was delivered or failed.
  func complete(_ index: Int, _ result: Result<KafkaDeliveryReport, KafkaError>) {
    let finished = state.withLockedValue {
      state -> (CheckedContinuation<[KafkaDeliveryReport], any Error>, [Result<KafkaDeliveryReport, KafkaError>])? in
      state.results[index] = result
      state.remaining -= 1
      guard state.remaining == 0, let waiter = state.waiter else { return nil }
      state.waiter = nil
      return (waiter, state.results.map { $0! })
    }
    if let (waiter, results) = finished {
      waiter.resume(with: Self.outcome(results))
    }
  }

  /// Waits for every record's report; throws the first failure.
  func wait() async throws -> [KafkaDeliveryReport] {
    try await withCheckedThrowingContinuation { continuation in
      let results = state.withLockedValue { state -> [Result<KafkaDeliveryReport, KafkaError>]? in
        guard state.remaining == 0 else {
          state.waiter = continuation
          return nil
        }
        return state.results.map { $0! }
      }
      if let results {
        continuation.resume(with: Self.outcome(results))
      }
    }
  }

  private static func outcome(
    _ results: [Result<KafkaDeliveryReport, KafkaError>]
  ) -> Result<[KafkaDeliveryReport], any Error> {
    Result { try results.map { try $0.get() } }
  }
}
