import Logging
import NIOConcurrencyHelpers
import Shared

/// SignalIntake's registry: kept in PostgreSQL, served from memory, and every change published on the registry
/// topic so the other services learn of it within seconds.
final class IntakeRegistry: Sendable {
  private let snapshot = NIOLockedValueBox(RegistrySnapshot())
  private let store: RegistryStore
  private let producer: KafkaProducer
  private let topic: String

  init(store: RegistryStore, producer: KafkaProducer, topic: String) {
    self.store = store
    self.producer = producer
    self.topic = topic
  }

  /// Loads the stored registry (at start).
  func load() async throws {
    let loaded = try await store.load()
    snapshot.withLockedValue { $0 = loaded }
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
