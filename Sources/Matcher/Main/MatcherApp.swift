import Contract
import Hummingbird
import KafkaClient
import Logging
import PostgresNIO
import Registry
import ServiceKit

/// Wires the Matcher's parts together and runs them as one service group.
struct MatcherApp {
  let settings: MatcherSettings
  let logger: Logger

  func run() async throws {
    let topics = settings.common.kafka.topics
    let postgres = PostgresClient(
      configuration: settings.common.postgres.clientConfiguration, backgroundLogger: logger)
    let producer = try KafkaProducer(configuration: settings.common.kafka.producer, logger: logger)
    let offsets = PostgresOffsetStore(client: postgres, logger: logger)
    let consumer = try KafkaConsumer(
      configuration: settings.common.kafka.consumer(MatcherKafka.signals, maxBatchSize: settings.batchSize),
      rebalanceListener: offsets, logger: logger)
    let relay = OutboxRelay(
      postgres: postgres, producer: producer, recovery: OutboxRecovery(kafka: settings.common.kafka, logger: logger),
      logger: logger)
    // Organisation types (regie) and municipalities (the follow-up officer) come from the registry.
    let registry = RegistryReplica(
      store: RegistryStore(client: postgres, logger: logger), logger: logger)
    let loop = MatchLoop(
      consumer: consumer, postgres: postgres, rules: settings.rules, registry: registry,
      noticesTopic: topics.matches,
      logger: logger)
    let registryConsumer = try KafkaConsumer(
      configuration: settings.common.kafka.consumer(MatcherKafka.registry),
      logger: logger)

    let api = MatcherAPI(
      postgres: postgres, registry: registry, producer: producer, signalsTopic: topics.signals,
      adminToken: settings.adminToken,
      pseudonymizer: Pseudonymizer(key: settings.pseudonymKey, previousKey: settings.pseudonymKeyPrevious),
      logger: logger)
    let http = ServiceHTTP.application(
      service: "Matcher", host: settings.common.httpHost, port: settings.common.httpPort,
      postgres: postgres, kafka: settings.common.kafka.client,
      logger: logger, routes: api.add(to:))

    try await ServiceMain.run(
      postgres: postgres,
      services: [
        producer, ServiceLoop("OutboxRelay", relay.run), registryConsumer,
        ServiceLoop("RegistryLoop") { try await registry.follow(registryConsumer) }, consumer,
        ServiceLoop("MatchLoop", loop.run), http,
      ],
      logger: logger
    ) {
      try await PostgresMigrator.migrate(
        postgres, migrations: MatcherMigrations.all, logger: logger)
      try await registry.load()
      if settings.common.kafka.createTopics {
        try await KafkaAdmin.createTopicsIfMissing(
          [
            settings.common.kafka.topic(topics.signals),
            settings.common.kafka.topic(topics.matches),
            settings.common.kafka.topic(topics.registry, compacted: true),
          ], client: settings.common.kafka.client, logger: logger)
      }
    }
  }
}
