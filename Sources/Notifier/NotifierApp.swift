import Hummingbird
import Logging
import NIOPosix
import PostgresNIO
import SMTPClient
import ServiceLifecycle
import Shared

/// Wires the Notifier's parts together and runs them as one service group.
struct NotifierApp {
  let settings: NotifierSettings
  let logger: Logger

  func run() async throws {
    let topics = settings.common.kafka.topics
    let postgres = PostgresClient(configuration: settings.common.postgres.clientConfiguration, backgroundLogger: logger)
    let registry = RegistryReplica(store: RegistryStore(client: postgres, logger: logger), logger: logger)
    let registryConsumer = try KafkaConsumer(
      configuration: settings.common.kafka.consumer(group: "notifier-registry", topics: [topics.registry]),
      logger: logger)
    let matchConsumer = try KafkaConsumer(
      configuration: settings.common.kafka.consumer(group: "notifier", topics: [topics.matches], maxBatchSize: 100),
      logger: logger)
    let smtp = SMTPClient(
      configuration: settings.smtp, eventLoopGroup: MultiThreadedEventLoopGroup.singleton, logger: logger)
    let notify = NotifyLoop(
      consumer: matchConsumer, smtp: smtp, sender: settings.sender, registry: registry,
      ledger: NotificationLedger(postgres: postgres, logger: logger), logger: logger)

    let http = ServiceHTTP.application(
      service: "Notifier", host: settings.common.httpHost, port: settings.common.httpPort, postgres: postgres,
      logger: logger)

    try await ServiceMain.run(
      postgres: postgres,
      services: [
        registryConsumer, ServiceLoop("RegistryLoop") { try await registry.follow(registryConsumer) },
        matchConsumer,
        ServiceLoop("NotifyLoop") {
          do {
            try await notify.run()
          } catch {
            await smtp.shutdown()
            throw error
          }
          await smtp.shutdown()
        }, http,
      ],
      logger: logger
    ) {
      try await PostgresMigrator.migrate(postgres, migrations: NotifierMigrations.all, logger: logger)
      try await registry.load()
      if settings.common.kafka.createTopics {
        try await KafkaAdmin.createTopicsIfMissing(
          [settings.common.kafka.topic(topics.matches), settings.common.kafka.topic(topics.registry, compacted: true)],
          client: settings.common.kafka.client, logger: logger)
      }
    }
  }
}
