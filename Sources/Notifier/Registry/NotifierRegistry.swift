import Logging
import NIOConcurrencyHelpers
import ServiceLifecycle
import Shared

/// The Notifier's registry: read from the registry topic into PostgreSQL (so a restart loses nothing) and served
/// from memory, so that every e-mail carries the contact details as they are when it is sent.
final class NotifierRegistry: Sendable {
  private let snapshot = NIOLockedValueBox(RegistrySnapshot())
  private let store: RegistryStore
  private let logger: Logger

  init(store: RegistryStore, logger: Logger) {
    self.store = store
    self.logger = logger
  }

  /// The registry now.
  var current: RegistrySnapshot { snapshot.withLockedValue { $0 } }

  /// Loads the stored registry (at start).
  func load() async throws {
    let loaded = try await store.load()
    snapshot.withLockedValue { $0 = loaded }
  }

  /// Follows the registry topic: stores each batch, then serves it, then commits.
  func follow(_ consumer: KafkaConsumer) async throws {
    for try await batch in consumer.batches.cancelOnGracefulShutdown() {
      let events = batch.compactMap { record -> RegistryEvent? in
        guard let event = try? EventCoding.decode(RegistryEvent.self, from: record.value) else {
          logger.error(
            "Skipping a registry event that cannot be read",
            metadata: ["kafka.partition": "\(record.partition)", "kafka.offset": "\(record.offset)"])
          return nil
        }
        return event
      }
      try await store.save(events)
      snapshot.withLockedValue { registry in events.forEach { registry.apply($0) } }
      try consumer.commit(batch.nextPositions)
    }
  }
}
