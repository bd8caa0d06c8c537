import Foundation
import KafkaClient
import Logging
import ServiceLifecycle
import TestSupport
import TestTags
import Testing

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The stack's durable mode (`VI_KAFKA_STORAGE=s3`): Tansu keeps its topics in an S3 bucket of moto, so a broker
/// killed with SIGKILL comes back with every acknowledged record. The test runs a moto and a Tansu of its own, on
/// free ports, with the binaries of the stack's venv (`VI_MOTO_SERVER`, `VI_TANSU_BIN` from
/// `scripts/stack-env.sh`).
@Suite(
  "The broker in S3 mode keeps its records across kill -9", .tags(.system), .localStack, .serialized,
  .timeLimit(.minutes(2)))
struct DurableBrokerTests {
  static let records = 2000

  @Test("every acknowledged record is read back after the broker was killed with SIGKILL and started again")
  func recordsSurviveKill() async throws {
    let environment = ProcessInfo.processInfo.environment
    let moto = try #require(
      environment["VI_MOTO_SERVER"].map(URL.init(fileURLWithPath:)),
      "VI_MOTO_SERVER is not set; source scripts/stack-env.sh after scripts/install-tools.sh")
    let tansu = try #require(
      environment["VI_TANSU_BIN"].map(URL.init(fileURLWithPath:)),
      "VI_TANSU_BIN is not set; source scripts/stack-env.sh after scripts/install-tools.sh")
    let logs = FileManager.default.temporaryDirectory.appendingPathComponent("vi-durable-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
    let (s3Port, kafkaPort) = (try FreePort.next(), try FreePort.next())
    let s3 = try ServiceProcess(
      executable: moto, name: "moto_server", arguments: ["-H", "127.0.0.1", "-p", "\(s3Port)"], environment: [:],
      logDirectory: logs)
    try s3.start()
    let first = try Self.broker(tansu, s3Port: s3Port, kafkaPort: kafkaPort, logs: logs)
    let second = try Self.broker(tansu, s3Port: s3Port, kafkaPort: kafkaPort, logs: logs)
    do {
      let read = try await Self.produceKillAndRead(first, second, s3Port: s3Port, kafkaPort: kafkaPort)
      #expect(read == Self.records, "records read back after kill -9; Tansu's log: \(first.tail)")
    } catch {
      for process in [second, first, s3] { await process.killHard() }
      throw error
    }
    for process in [second, first, s3] { await process.killHard() }
  }

  /// A Tansu that keeps its topics in moto's bucket `tansu`.
  static func broker(_ tansu: URL, s3Port: Int, kafkaPort: Int, logs: URL) throws -> ServiceProcess {
    let url = "tcp://127.0.0.1:\(kafkaPort)"
    return try ServiceProcess(
      executable: tansu, name: "tansu",
      arguments: [
        "broker", "--listener-url", url, "--advertised-listener-url", url, "--storage-engine", "s3://tansu/",
      ],
      environment: [
        "AWS_ENDPOINT": "http://127.0.0.1:\(s3Port)", "AWS_ALLOW_HTTP": "true", "AWS_DEFAULT_REGION": "eu-west-1",
        "AWS_ACCESS_KEY_ID": "vi-test", "AWS_SECRET_ACCESS_KEY": "vi-test",
      ], logDirectory: logs)
  }

  /// Makes the bucket, starts `first`, produces the records, kills `first` with SIGKILL, starts `second` on the
  /// same bucket and returns how many records it serves.
  static func produceKillAndRead(
    _ first: ServiceProcess, _ second: ServiceProcess, s3Port: Int, kafkaPort: Int
  ) async throws -> Int {
    try await Self.createBucket("tansu", port: s3Port)

    try first.start()
    let brokers = "127.0.0.1:\(kafkaPort)"
    let topic = TestKafka.uniqueTopic("durable")
    try await Self.untilItAnswers {
      try await KafkaAdmin.createTopicsIfMissing(
        [KafkaTopic(name: topic, partitions: 3)], client: Self.client(brokers, "admin"), logger: TestKafka.logger)
    }
    try await Self.produce(Self.records, to: topic, brokers: brokers)
    await first.killHard()

    try second.start()
    return try await Self.count(topic, brokers: brokers, expecting: Self.records)
  }

  static func client(_ brokers: String, _ name: String) -> KafkaClientConfiguration {
    KafkaClientConfiguration(bootstrapServers: brokers, clientID: "durable-\(name)")
  }

  /// PUT of a bucket on moto, retried while moto starts.
  static func createBucket(_ bucket: String, port: Int) async throws {
    var request = URLRequest(url: URL(string: "http://127.0.0.1:\(port)/\(bucket)")!)
    request.httpMethod = "PUT"
    try await untilItAnswers {
      let (_, response) = try await URLSession.shared.data(for: request)
      guard (response as? HTTPURLResponse)?.statusCode == 200 else { throw DurableBrokerError.bucket(response) }
    }
  }

  /// Runs `body` until it succeeds, for at most 20 seconds (a server that is starting).
  static func untilItAnswers(_ body: () async throws -> Void) async throws {
    let deadline = ContinuousClock.now + .seconds(20)
    while true {
      do {
        return try await body()
      } catch  where ContinuousClock.now < deadline {
        try await Task.sleep(for: .milliseconds(200))
      }
    }
  }

  /// Produces `count` records and returns when the broker has acknowledged all of them.
  static func produce(_ count: Int, to topic: String, brokers: String) async throws {
    let producer = try KafkaProducer(
      configuration: KafkaProducerConfiguration(client: client(brokers, "producer")), logger: TestKafka.logger)
    let group = ServiceGroup(services: [producer], logger: TestKafka.logger)
    try await withThrowingTaskGroup(of: Void.self) { tasks in
      tasks.addTask { try await group.run() }
      let messages = (0..<count).map {
        KafkaProducerMessage(topic: topic, key: "k\($0 % 7)", value: Array("\($0)".utf8))
      }
      try await producer.send(messages)
      await group.triggerGracefulShutdown()
      try await tasks.waitForAll()
    }
  }

  /// Reads `topic` from the start until `expecting` records arrived or 60 seconds passed; returns how many did.
  static func count(_ topic: String, brokers: String, expecting: Int) async throws -> Int {
    let consumer = try KafkaConsumer(
      configuration: KafkaConsumerConfiguration(
        client: client(brokers, "reader"), groupID: "g-\(topic)", topics: [topic], sessionTimeoutMilliseconds: 6000,
        maxPollIntervalMilliseconds: 6000),
      logger: TestKafka.logger)
    let group = ServiceGroup(services: [consumer], logger: TestKafka.logger)
    let counter = RecordCounter()
    try await withThrowingTaskGroup(of: Void.self) { tasks in
      tasks.addTask { try await group.run() }
      tasks.addTask {
        for try await batch in consumer.batches { await counter.add(batch.count) }
      }
      let deadline = ContinuousClock.now + .seconds(60)
      while await counter.read < expecting, ContinuousClock.now < deadline {
        try await Task.sleep(for: .milliseconds(100))
      }
      await group.triggerGracefulShutdown()
      try await tasks.waitForAll()
    }
    return await counter.read
  }
}

/// The records read so far.
actor RecordCounter {
  private(set) var read = 0

  /// Adds `count`.
  func add(_ count: Int) {
    read += count
  }
}

/// What went wrong while setting up moto.
enum DurableBrokerError: Error, CustomStringConvertible {
  case bucket(URLResponse)

  var description: String {
    switch self {
    case .bucket(let response): "moto did not create the bucket: \(response)"
    }
  }
}
