/// The settings every service reads: Kafka, its own database, and where its HTTP server listens, with the service's
/// own defaults.
public struct ServiceSettings: Sendable {
  /// A service's defaults: how it names itself to Kafka, its database, its HTTP port.
  public struct Defaults: Sendable {
    /// The Kafka `client.id`.
    public var clientID: String
    /// The database in the default `VI_POSTGRES_URL`.
    public var database: String
    /// The default `VI_HTTP_PORT`.
    public var httpPort: Int

    /// Declares a service's defaults.
    public init(clientID: String, database: String, httpPort: Int) {
      self.clientID = clientID
      self.database = database
      self.httpPort = httpPort
    }
  }

  /// Kafka: brokers, security, topics, groups.
  public var kafka: KafkaSettings
  /// The service's database, with the pool size (`VI_POSTGRES_POOL_SIZE`) its client uses.
  public var postgres: PostgresURL
  /// The address the HTTP server listens on.
  public var httpHost: String
  /// The HTTP port.
  public var httpPort: Int

  /// Reads the common settings with the service's defaults.
  public init(_ environment: EnvironmentVariables, defaults: Defaults) throws {
    kafka = try KafkaSettings(environment, clientID: defaults.clientID)
    postgres = try environment.read(Settings.postgresURL(database: defaults.database))
    postgres.poolSize = try environment.read(Settings.postgresPoolSize)
    httpHost = try environment.read(Settings.httpHost)
    httpPort = try environment.read(Settings.httpPort(default: defaults.httpPort))
  }

  /// What `--help` lists for a service: its HTTP and database settings, then `own`, then the common ones.
  public static func documentation(_ defaults: Defaults, own: [SettingDocumentation]) -> [SettingDocumentation] {
    [
      Settings.httpPort(default: defaults.httpPort).documentation, Settings.httpHost.documentation,
      Settings.postgresURL(database: defaults.database).documentation, Settings.postgresPoolSize.documentation,
    ] + own + Settings.common
  }
}
