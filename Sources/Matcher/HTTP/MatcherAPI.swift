import Contract
import Hummingbird
import KafkaClient
import Logging
import PostgresNIO
import Registry
import ServiceKit

/// The Matcher's read API: a professional's own signals and matches (`GET /v1/signals`), and the region
/// administrator's rights requests and log book (`/v1/admin/...`).
struct MatcherAPI: Sendable {
  let professionals: ProfessionalRoutes
  let children: AdminChildRoutes
  let logBookRoutes: AdminLogBookRoutes

  /// Assembles the routes.
  ///
  /// - Parameters:
  ///   - signalsTopic: where corrections and erasures go, keyed by the child's pseudonym.
  ///   - pseudonymizer: the keys of the pseudonyms, to find a child named by BSN or identity (in memory only).
  init(
    postgres: PostgresClient, registry: RegistryReplica, producer: KafkaProducer, signalsTopic: String,
    adminToken: String, pseudonymizer: Pseudonymizer, logger: Logger
  ) {
    let token = AdminToken(adminToken)
    let locator = ChildLocator(pseudonymizer: pseudonymizer)
    let logBook = LogBook(logger: logger)
    let reader = ChildInspectionReader(logBook: logBook, logger: logger)
    professionals = ProfessionalRoutes(
      authenticator: ProfessionalAuthenticator(registry: registry), registry: registry, postgres: postgres,
      reader: OwnSignalsReader(logger: logger), logBook: logBook, logger: logger)
    children = AdminChildRoutes(
      adminToken: token, locator: locator, registry: registry, postgres: postgres, reader: reader, logBook: logBook,
      publisher: ChildEventPublisher(producer: producer, topic: signalsTopic), logger: logger)
    logBookRoutes = AdminLogBookRoutes(
      adminToken: token, locator: locator, postgres: postgres, reader: reader, logBook: logBook, logger: logger)
  }

  /// Adds every route to `router`.
  func add(to router: Router<BasicRequestContext>) {
    professionals.add(to: router)
    children.add(to: router)
    logBookRoutes.add(to: router)
  }
}
