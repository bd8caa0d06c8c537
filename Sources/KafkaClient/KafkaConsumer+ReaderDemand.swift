import Dispatch
import NIOConcurrencyHelpers
public import NIOCore

extension KafkaConsumer {
  /// Tells the poll thread when the reader of ``KafkaConsumer/batches`` wants more, or has gone.
  public struct ReaderDemand: NIOAsyncSequenceProducerDelegate {
    private let state: NIOLockedValueBox<StateMachine>
    private let wakeUp: DispatchSemaphore

    init(state: NIOLockedValueBox<StateMachine>, wakeUp: DispatchSemaphore) {
      self.state = state
      self.wakeUp = wakeUp
    }

    /// The reader's buffer fell below the low watermark.
    public func produceMore() {
      state.withLockedValue { $0.readerWantsMore(true) }
      wakeUp.signal()
    }

    /// The reader stopped iterating: leave the group.
    public func didTerminate() {
      state.withLockedValue { $0.shutdown() }
      wakeUp.signal()
    }
  }
}
