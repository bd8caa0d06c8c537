import Contract
import Hummingbird
import KafkaClient
import Logging
import PostgresNIO
import Registry
import ServiceKit
import ServiceLifecycle

/// Wires SignalIntake's parts together and runs them as one service group.
struct SignalIntakeApp {
  let settings: SignalIntakeSettings
  let logger: Logger

  func run() async throws {
    let topics = settings.common.kafka.topics
    let postgres = PostgresClient(configuration: settings.common.postgres.clientConfiguration, backgroundLogger: logger)
    let producer = try KafkaProducer(configuration: settings.common.kafka.producer, logger: logger)
    let consumer = try KafkaConsumer(
      configuration: settings.common.kafka.consumer(SignalIntakeKafka.commands),
      logger: logger)
    let registry = IntakeRegistry(
      store: RegistryStore(client: postgres, logger: logger), producer: producer, topic: topics.registry,
      logger: logger)
    let publisher = SignalPublisher(
      producer: producer, topics: topics,
      pseudonymizer: Pseudonymizer(key: settings.pseudonymKey, previousKey: settings.pseudonymKeyPrevious),
      registrations: RegistrationStore(logger: logger), institutionalAddresses: settings.institutionalAddresses)
    let intake = IntakeLoop(
      consumer: consumer, registry: registry, publisher: publisher, postgres: postgres, logger: logger)

    let http = ServiceHTTP.application(
      service: "SignalIntake", host: settings.common.httpHost, port: settings.common.httpPort, postgres: postgres,
      kafka: settings.common.kafka.client,
      logger: logger
    ) { router in
      SignalRoutes(registry: registry, publisher: publisher, postgres: postgres, logger: logger).add(to: router)
      AdminRoutes(registry: registry, adminToken: settings.adminToken, logger: logger).add(to: router)
    }

    try await ServiceMain.run(
      postgres: postgres,
      services: [
        producer, ServiceLoop("RegistryRefresh", registry.refreshPeriodically), consumer,
        ServiceLoop("IntakeLoop", intake.run), http,
      ],
      logger: logger
    ) {
      try await PostgresMigrator.migrate(postgres, migrations: IntakeMigrations.all, logger: logger)
      try await registry.load()
      if settings.common.kafka.createTopics {
        try await KafkaAdmin.createTopicsIfMissing(
          [
            settings.common.kafka.topic(topics.signalCommands),
            settings.common.kafka.topic(topics.signalCommandsRejected),
            settings.common.kafka.topic(topics.signals), settings.common.kafka.topic(topics.registry, compacted: true),
          ], client: settings.common.kafka.client, logger: logger)
      }
    }
  }
}
