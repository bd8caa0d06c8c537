import Hummingbird
import KafkaClient
import Logging
import NIOPosix
import PostgresNIO
import Registry
import SMTPClient
import ServiceKit
import ServiceLifecycle

/// Wires the Notifier's parts together and runs them as one service group.
///
/// ``NoticeIntake`` reads the notices topic into the delivery queue; ``DeliverySender`` sends from the queue over
/// one SMTP connection; ``FailurePublisher`` publishes what failed for good; ``QueueMonitor`` measures the queue.
struct NotifierApp {
  let settings: NotifierSettings
  let logger: Logger

  func run() async throws {
    let templates = try Self.loadTemplates(settings)
    let topics = settings.common.kafka.topics
    let postgres = PostgresClient(configuration: settings.common.postgres.clientConfiguration, backgroundLogger: logger)
    let registry = RegistryReplica(store: RegistryStore(client: postgres, logger: logger), logger: logger)
    let registryConsumer = try KafkaConsumer(
      configuration: settings.common.kafka.consumer(NotifierKafka.registry),
      logger: logger)
    let noticeConsumer = try KafkaConsumer(
      configuration: settings.common.kafka.consumer(NotifierKafka.notices), logger: logger)
    let producer = try KafkaProducer(configuration: settings.common.kafka.producer, logger: logger)
    let smtp = SMTPClient(
      configuration: settings.smtp, eventLoopGroup: MultiThreadedEventLoopGroup.singleton, logger: logger)
    let queue = DeliveryQueue(postgres: postgres, logger: logger)
    let metrics = NotifierMetrics()
    let intake = NoticeIntake(
      consumer: noticeConsumer, queue: queue, registry: registry, metrics: metrics, logger: logger)
    let sender = DeliverySender(
      queue: queue, smtp: smtp, from: settings.sender, composer: MailComposer(templates: templates),
      registry: registry, retry: .standard, metrics: metrics, logger: logger)
    let publisher = FailurePublisher(
      queue: queue, producer: producer, topic: topics.notificationsFailed, logger: logger)
    let monitor = QueueMonitor(queue: queue, metrics: metrics, logger: logger)

    let http = ServiceHTTP.application(
      service: "Notifier", host: settings.common.httpHost, port: settings.common.httpPort, postgres: postgres,
      kafka: settings.common.kafka.client,
      logger: logger)

    try await ServiceMain.run(
      postgres: postgres,
      services: [
        producer, registryConsumer, ServiceLoop("RegistryLoop") { try await registry.follow(registryConsumer) },
        noticeConsumer, ServiceLoop("NoticeIntake", intake.run),
        smtp, ServiceLoop("DeliverySender", sender.run),
        ServiceLoop("FailurePublisher", publisher.run), ServiceLoop("QueueMonitor", monitor.run), http,
      ],
      logger: logger
    ) {
      try await PostgresMigrator.migrate(postgres, migrations: NotifierMigrations.all, logger: logger)
      try await registry.load()
      if settings.common.kafka.createTopics {
        try await KafkaAdmin.createTopicsIfMissing(
          [
            settings.common.kafka.topic(topics.matches), settings.common.kafka.topic(topics.registry, compacted: true),
            settings.common.kafka.topic(topics.notificationsFailed),
          ], client: settings.common.kafka.client, logger: logger)
      }
    }
  }

  /// The templates, checked by rendering every kind once; a template that cannot be used stops the start with
  /// exit status 78 and a message naming its file.
  static func loadTemplates(_ settings: NotifierSettings) throws -> MailTemplates {
    do {
      let templates = try MailTemplates.load(overrides: settings.templatesDirectory)
      try templates.check()
      return templates
    } catch {
      throw ConfigurationError(
        variable: NotifierSettings.templatesDirectory.name, reason: "cannot be used: \(error)")
    }
  }
}
