import Foundation
import Hummingbird
import KafkaClient
import Logging
import PostgresNIO
import ServiceKit
import ServiceLifecycle

/// Wires Retention's parts together: the projection, the schedule, and the operator's run-once.
struct RetentionApp {
  let settings: RetentionSettings
  let logger: Logger

  /// Runs the projection and the hourly (configurable) schedule on the system clock until shut down. The first run
  /// starts at once, so an instance that takes over (or starts after downtime) catches up without waiting.
  ///
  /// The schedule does not wait for the projection to read the topic's backlog: a signal ended while Retention was
  /// down may still look active to that first run and get a reminder or an expiry it no longer needs. The Matcher
  /// applies the topic in order, so it has the ending first and makes no notice for a signal no longer active;
  /// the projection, too, ignores an expiry of a signal that is no longer active.
  func serve() async throws {
    let postgres = PostgresClient(configuration: settings.common.postgres.clientConfiguration, backgroundLogger: logger)
    let producer = try KafkaProducer(configuration: settings.common.kafka.producer, logger: logger)
    let consumer = try KafkaConsumer(
      configuration: settings.common.kafka.consumer(RetentionKafka.signals), logger: logger)
    let projection = ProjectionLoop(consumer: consumer, postgres: postgres, logger: logger)
    let scheduler = makeScheduler(postgres: postgres, producer: producer)
    let interval = settings.interval
    let schedule = ServiceLoop("RetentionSchedule") {
      while !Task.isShuttingDownGracefully && !Task.isCancelled {
        do {
          // Always the system clock: nothing in the environment can make a running service travel in time.
          if try await scheduler.run(clock: .system, dryRun: false) == nil {
            logger.debug("Another Retention instance holds the schedule lock; skipping this run")
          }
        } catch {
          logger.error("Retention run failed; the next run catches up", metadata: ["error": "\(error)"])
        }
        _ = await sleepUnlessShuttingDown(for: interval)
      }
    }
    let http = ServiceHTTP.application(
      service: "Retention", host: settings.common.httpHost, port: settings.common.httpPort, postgres: postgres,
      kafka: settings.common.kafka.client,
      logger: logger)

    try await ServiceMain.run(
      postgres: postgres,
      services: [producer, consumer, ServiceLoop("ProjectionLoop", projection.run), schedule, http], logger: logger
    ) {
      try await setUp(postgres)
    }
  }

  /// Evaluates the schedule once on `clock`'s day, prints the result, and emits it unless `dryRun`.
  func runOnce(clock: RetentionClock, dryRun: Bool) async throws {
    let postgres = PostgresClient(configuration: settings.common.postgres.clientConfiguration, backgroundLogger: logger)
    let producer = try KafkaProducer(configuration: settings.common.kafka.producer, logger: logger)
    let scheduler = makeScheduler(postgres: postgres, producer: producer)
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { await postgres.run() }
      group.addTask { try await producer.run() }
      defer { group.cancelAll() }
      try await setUp(postgres)
      guard let run = try await scheduler.run(clock: clock, dryRun: dryRun) else {
        print("Another Retention instance holds the schedule lock; nothing was done. Try again later.")
        return
      }
      print(RunReport(run: run, dryRun: dryRun).text)
    }
  }

  private func makeScheduler(postgres: PostgresClient, producer: KafkaProducer) -> RetentionScheduler {
    RetentionScheduler(
      postgres: postgres, producer: producer, signalsTopic: settings.common.kafka.topics.signals,
      reminderDays: settings.reminderDays, logger: logger)
  }

  private func setUp(_ postgres: PostgresClient) async throws {
    try await PostgresMigrator.migrate(postgres, migrations: RetentionMigrations.all, logger: logger)
    if settings.common.kafka.createTopics {
      try await KafkaAdmin.createTopicsIfMissing(
        [settings.common.kafka.topic(settings.common.kafka.topics.signals)], client: settings.common.kafka.client,
        logger: logger)
    }
  }
}
