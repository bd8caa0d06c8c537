import Contract
import KafkaClient
import Logging
import NIOConcurrencyHelpers
import Registry
import ServiceKit
import ServiceLifecycle

/// SignalIntake's registry: kept in PostgreSQL, served from memory, and every change published on the registry
/// topic so the other services learn of it within seconds. Every instance reloads it from PostgreSQL every
/// ``refreshInterval``, so a change made through another instance reaches this one as quickly.
final class IntakeRegistry: Sendable {
  static let refreshInterval = Duration.seconds(2)

  private let snapshot = NIOLockedValueBox(RegistrySnapshot())
  private let store: RegistryStore
  private let producer: KafkaProducer
  private let topic: String
  private let logger: Logger

  init(store: RegistryStore, producer: KafkaProducer, topic: String, logger: Logger) {
    self.store = store
    self.producer = producer
    self.topic = topic
    self.logger = logger
  }

  /// Loads the stored registry.
  func load() async throws {
    let loaded = try await store.load()
    snapshot.withLockedValue { $0 = loaded }
  }

  /// Reloads the registry every ``refreshInterval`` until shutdown; a failed reload keeps the last one.
  func refreshPeriodically() async throws {
    while !Task.isShuttingDownGracefully && !Task.isCancelled {
      guard await sleepUnlessShuttingDown(for: Self.refreshInterval) else { return }
      do {
        try await load()
      } catch {
        logger.warning("Could not reload the registry; serving the last one", metadata: ["error": "\(error)"])
      }
    }
  }

  /// The registry now.
  var current: RegistrySnapshot {
    snapshot.withLockedValue { $0 }
  }

  /// Stores a change, publishes it, and then serves it. When publishing fails the caller gets the error and may
  /// retry the same (idempotent) change.
  func apply(_ event: RegistryEvent) async throws {
    try await store.save([event])
    try await producer.send(KafkaProducerMessage(topic: topic, key: event.key, value: try EventCoding.encode(event)))
    snapshot.withLockedValue { $0.apply(event) }
  }
}
