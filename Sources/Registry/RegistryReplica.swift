import Contract
public import KafkaClient
public import Logging
import NIOConcurrencyHelpers
import ServiceLifecycle

/// A service's copy of the registry, for the services other than SignalIntake (which owns it): read from the
/// registry topic into the service's own PostgreSQL database (so a restart loses nothing) and served from memory, so
/// that a change made through the admin API reaches the service within seconds.
public final class RegistryReplica: Sendable {
  private let snapshot = NIOLockedValueBox(RegistrySnapshot())
  private let store: RegistryStore
  private let logger: Logger

  /// A replica kept in `store`.
  public init(store: RegistryStore, logger: Logger) {
    self.store = store
    self.logger = logger
  }

  /// The registry now.
  public var current: RegistrySnapshot { snapshot.withLockedValue { $0 } }

  /// Loads the stored registry (at start).
  public func load() async throws {
    let loaded = try await store.load()
    snapshot.withLockedValue { $0 = loaded }
  }

  /// Follows the registry topic: stores each batch, then serves it, then commits.
  public func follow(_ consumer: KafkaConsumer) async throws {
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
