import Contract
public import Logging

/// The settings more than one service reads. Service-specific ones are declared in each service.
public enum Settings {
  /// Where the Kafka brokers are.
  public static let kafkaBrokers = Setting<String>.string(
    "VI_KAFKA_BROKERS", default: "127.0.0.1:9092", help: "Kafka bootstrap servers, host:port[,host:port...]")
  /// librdkafka `security.protocol`.
  public static let kafkaSecurityProtocol = Setting<KafkaSecurityProtocol>.choice(
    "VI_KAFKA_SECURITY_PROTOCOL", default: .plaintext, help: "Kafka security protocol")
  /// librdkafka `sasl.mechanisms`.
  public static let kafkaSaslMechanism = Setting<String>.string(
    "VI_KAFKA_SASL_MECHANISM", default: "SCRAM-SHA-512", help: "SASL mechanism when the protocol uses SASL")
  /// librdkafka `sasl.username`.
  public static let kafkaSaslUsername = Setting<String?>.optional(
    "VI_KAFKA_SASL_USERNAME", help: "SASL user name when the protocol uses SASL")
  /// librdkafka `sasl.password`.
  public static let kafkaSaslPassword = Setting<String?>.optional(
    "VI_KAFKA_SASL_PASSWORD", secret: true, help: "SASL password when the protocol uses SASL")
  /// librdkafka `ssl.ca.location`: the CA that signed the brokers' certificates, where it is not a public one.
  public static let kafkaSSLCALocation = Setting<String?>.optional(
    "VI_KAFKA_SSL_CA_LOCATION",
    help: "PEM file of the CA that signed the brokers' certificates (a private CA), with ssl or sasl_ssl")
  /// Whether a service creates the topics it uses at start.
  public static let kafkaCreateTopics = Setting<Bool>.flag(
    "VI_KAFKA_CREATE_TOPICS", default: true,
    help: "Create missing topics at start (turn off where a deployment job creates them)")
  /// Partitions of topics a service creates.
  public static let kafkaPartitions = Setting<Int>.integer(
    "VI_KAFKA_PARTITIONS", default: 6, in: 1...1000,
    help: "Partitions of topics created at start: the most Matcher instances that can work at once")
  /// The prefix of consumer group ids.
  public static let kafkaGroupPrefix = Setting<String>.string(
    "VI_KAFKA_GROUP_PREFIX", default: "vi", help: "Prefix of consumer group ids (<prefix>.matcher, ...)")
  /// Consumer `session.timeout.ms`.
  public static let kafkaSessionTimeout = Setting<Int>.integer(
    "VI_KAFKA_SESSION_TIMEOUT_MS", default: 10_000, in: 1000...300_000,
    help: "Consumer group session timeout in milliseconds")
  /// Consumer `max.poll.interval.ms`.
  public static let kafkaMaxPollInterval = Setting<Int>.integer(
    "VI_KAFKA_MAX_POLL_INTERVAL_MS", default: 60_000, in: 1000...3_600_000,
    help: "Longest a batch may take, in milliseconds; also how long a group join may wait")
  /// The address the HTTP server binds to.
  public static let httpHost = Setting<String>.string(
    "VI_HTTP_HOST", default: "127.0.0.1", help: "Address the HTTP server listens on (0.0.0.0 in containers)")
  /// The log level.
  public static let logLevel = Setting<Logger.Level>.logLevel(
    "VI_LOG_LEVEL", default: .info, help: "Log level: trace, debug, info, notice, warning, error, critical")
  /// The log format.
  public static let logFormat = Setting<LogFormat>.choice(
    "VI_LOG_FORMAT", default: .text, help: "Log format on standard error: text or json")
  /// How long a service may take to exit after SIGTERM or SIGINT.
  public static let shutdownGrace = Setting<Int>.integer(
    "VI_SHUTDOWN_GRACE_SECONDS", default: 20, in: 1...600,
    help: "Seconds a service may take to exit after SIGTERM; then it abandons what is unfinished (Kafka redelivers it)")
  /// The region administrator's bearer token.
  public static let adminToken = Setting<String>(
    "VI_ADMIN_TOKEN", default: nil, expected: "a random string of at least 32 characters", secret: true,
    help: "Bearer token of the region administrator (admin API)"
  ) { $0.count >= 32 ? $0 : nil }
  /// The key of the BSN pseudonyms.
  public static let pseudonymKey = Setting<[UInt8]>.key(
    "VI_PSEUDONYM_KEY", minimumBytes: 32, help: "HMAC-SHA256 key that turns BSNs into pseudonyms (hex or base64)")

  /// The previous key of the pseudonyms, while a rotation runs.
  public static let pseudonymKeyPrevious = Setting<[UInt8]?>.optionalKey(
    "VI_PSEUDONYM_KEY_PREVIOUS", minimumBytes: 32,
    help: "The key VI_PSEUDONYM_KEY replaced, during a key rotation (see the README); unset otherwise")

  /// The HTTP port setting, with the service's own default.
  public static func httpPort(default port: Int) -> Setting<Int> {
    .integer("VI_HTTP_PORT", default: port, in: 1...65535, help: "HTTP port for the API, /health and /metrics")
  }

  /// The PostgreSQL URL setting, with the service's own default database.
  public static func postgresURL(database: String) -> Setting<PostgresURL> {
    Setting<PostgresURL>(
      "VI_POSTGRES_URL", default: "postgres://vi:vi@127.0.0.1:55432/\(database)",
      expected: "postgres://user:password@host:port/database[?sslmode=disable|require|verify-full]", secret: true,
      help: "PostgreSQL connection URL of this service's database", parse: PostgresURL.init(string:))
  }

  /// The most PostgreSQL connections one process opens. PostgreSQL's `max_connections` must cover the sum over all
  /// processes (compose/OPERATIONS.md, "Scaling the Matcher").
  public static let postgresPoolSize = Setting<Int>.integer(
    "VI_POSTGRES_POOL_SIZE", default: PostgresURL.defaultPoolSize, in: 1...100,
    help: "Most PostgreSQL connections this process opens (all processes together must stay under max_connections)")

  /// The settings every service reads, for `--help`.
  public static let common: [SettingDocumentation] =
    [
      kafkaBrokers.documentation, kafkaSecurityProtocol.documentation, kafkaSaslMechanism.documentation,
      kafkaSaslUsername.documentation, kafkaSaslPassword.documentation, kafkaSSLCALocation.documentation,
      kafkaCreateTopics.documentation,
      kafkaPartitions.documentation, kafkaGroupPrefix.documentation, kafkaSessionTimeout.documentation,
      kafkaMaxPollInterval.documentation,
      logLevel.documentation, logFormat.documentation, shutdownGrace.documentation,
    ] + TopicNames.settings.map(\.documentation)
}
