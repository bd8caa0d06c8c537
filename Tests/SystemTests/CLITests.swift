import Contract
import Crypto
import Foundation
import JOSE
import KafkaClient
import Logging
import TestTags
import Testing

/// The `vi` command line, run as a process: keys, tokens, and signed intake commands on a topic of their own.
@Suite("vi, the command line", .tags(.system), .localStack, .serialized)
struct CLITests {
  private let directory: URL

  init() throws {
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("vi-cli-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  }

  /// `vi keygen --out FILE` and reads back the key pair.
  private func keygen(_ name: String) async throws -> (file: String, publicKey: String) {
    let file = directory.appendingPathComponent(name).path
    let result = try await CLI.run(["keygen", "--out", file])
    try #require(result.status == 0, "vi keygen failed: \(result.standardError)")
    return (file, try #require(result.lines.first))
  }

  @Test("keygen writes a private key (mode 0600) whose public key it prints in registry form")
  func keygenWritesKeyPair() async throws {
    let (file, publicKey) = try await keygen("org.key")
    let parsed = try OrganisationKey.parse(publicKey)
    let stored = try String(contentsOfFile: file, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
    let privateKey = try Curve25519.Signing.PrivateKey(rawRepresentation: try Base64URL.decode(stored))
    #expect(privateKey.publicKey.rawRepresentation == parsed.rawRepresentation)
    let mode = try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int
    #expect(mode == 0o600)

    let again = try await CLI.run(["keygen", "--out", file])
    #expect(again.status != 0, "keygen overwrote an existing key")
    #expect(try String(contentsOfFile: file, encoding: .utf8).contains(stored))

    let printed = try await CLI.run(["keygen"])
    #expect(printed.status == 0 && printed.lines.count == 2)
    #expect(printed.standardError.contains("warning"))
    let pair = try Curve25519.Signing.PrivateKey(rawRepresentation: try Base64URL.decode(printed.lines[1]))
    #expect(OrganisationKey.registryForm(of: pair.publicKey) == printed.lines[0])
  }

  @Test("token prints a bearer JWT that verifies with the organisation's key")
  func tokenVerifies() async throws {
    let (file, publicKey) = try await keygen("token.key")
    let key = try OrganisationKey.parse(publicKey)
    let result = try await CLI.run(
      ["token", "--organisation", "school-1", "--professional", "anna", "--key", file, "--lifetime", "120"])
    try #require(result.status == 0, "vi token failed: \(result.standardError)")
    let token = try BearerToken.verify(
      try #require(result.lines.first), now: Date(), key: { $0 == "school-1" ? key : nil })
    #expect(token.organisationId == "school-1" && token.professionalId == "anna")
    #expect(abs(token.expiresAt.timeIntervalSinceNow - 120) < 10)

    let missing = try await CLI.run(
      ["token", "--organisation", "o", "--professional", "p", "--key", directory.appendingPathComponent("none").path])
    #expect(missing.status == 1 && missing.standardError.contains("vi keygen"))
  }

  @Test("organisation put takes a public key that begins with '-', and the organisation can then signal with it")
  func organisationPutTakesAnyKey() async throws {
    // Base64url uses '-': one key in 64 begins with it, as the one that failed a CI run did.
    var key = Curve25519.Signing.PrivateKey()
    while !OrganisationKey.registryForm(of: key.publicKey).hasPrefix("-") { key = Curve25519.Signing.PrivateKey() }
    let file = directory.appendingPathComponent("dash.key").path
    try #require(
      FileManager.default.createFile(
        atPath: file, contents: Data(Base64URL.encode(key.rawRepresentation).utf8),
        attributes: [.posixPermissions: 0o600]))

    try await LocalSystem.running(["SignalIntake"]) { system in
      let organisation = "dash-\(system.runID)"
      let environment = [
        "VI_INTAKE_URL": system.url("SignalIntake", ""), "VI_ADMIN_TOKEN": system.adminToken,
      ]
      let put = try await CLI.run(
        [
          "organisation", "put", organisation, "--name", "Dash", "--type", "school", "--municipality", "0363",
          "--region", "amsterdam", "--public-key", OrganisationKey.registryForm(of: key.publicKey),
        ], environment: environment)
      #expect(put.status == 0, "organisation put: \(put.standardError)")
      let professional = try await CLI.run(
        [
          "professional", "put", "anna", "--organisation", organisation, "--name", "Anna", "--email",
          "anna@dash.example", "--phone", "020-1112222",
        ], environment: environment)
      #expect(professional.status == 0, "professional put: \(professional.standardError)")
      let signal = try await CLI.run(
        [
          "signal", "register", "--organisation", organisation, "--key", file, "--professional", "anna",
          "--informed", "parents", "--bsn", "111222333", "--family-name", "Jansen", "--birth-date", "2015-05-01",
          "--gender", "M",
        ], environment: environment)
      #expect(signal.status == 0, "signal register: \(signal.standardOutput) \(signal.standardError)")
    }
  }

  @Test("command register produces signed and unsigned CloudEvents with the contract's headers")
  func commandsOnKafka() async throws {
    let (file, publicKey) = try await keygen("kafka.key")
    let key = try OrganisationKey.parse(publicKey)
    let topic = "test.cli.\(UUID().uuidString.prefix(8).lowercased())"
    var logger = Logger(label: "cli-test")
    logger.logLevel = .warning
    let client = KafkaClientConfiguration(bootstrapServers: TestEnvironment.kafkaBrokers, clientID: "cli-test")
    try await KafkaAdmin.createTopicsIfMissing([KafkaTopic(name: topic, partitions: 1)], client: client, logger: logger)

    let organisation = "jgz-\(UUID().uuidString.prefix(6).lowercased())"
    let signal = [
      "--organisation", organisation, "--professional", "bram", "--informed", "parents", "--bsn", "111222333",
      "--family-name", "Jansen", "--given-names", "Pieter Jan", "--birth-date", "2015-05-01", "--gender", "M",
      "--parent-bsn", "123456782",
    ]
    let environment = ["VI_KAFKA_BROKERS": TestEnvironment.kafkaBrokers, "VI_TOPIC_SIGNAL_COMMANDS": topic]
    let signed = try await CLI.run(
      ["command", "register", "--key", file, "--id", "cmd-signed"] + signal, environment: environment)
    try #require(signed.status == 0, "signed: \(signed.standardError)")
    #expect(signed.standardOutput.contains("partition=0 offset=0"))
    let unsigned = try await CLI.run(
      ["command", "register", "--unsigned", "--id", "cmd-unsigned"] + signal, environment: environment)
    try #require(unsigned.status == 0, "unsigned: \(unsigned.standardError)")
    let raw = directory.appendingPathComponent("raw.json")
    try Data(#"{"not":"a command"}"#.utf8).write(to: raw)
    let rawResult = try await CLI.run(
      ["command", "end", "--organisation", organisation, "--key", file, "--raw", raw.path, "--topic", topic],
      environment: ["VI_KAFKA_BROKERS": TestEnvironment.kafkaBrokers])
    try #require(rawResult.status == 0, "raw: \(rawResult.standardError)")

    let records = try await read(3, from: topic, client: client, logger: logger)
    try #require(records.count == 3)
    for record in records {
      #expect(record.keyString == organisation)
      #expect(record.headers.first(named: "content-type")?.stringValue == "application/cloudevents+json")
    }

    let command = try EventCoding.decode(SignalCommand.self, from: records[0].value)
    #expect(command.id == "cmd-signed" && command.type == CommandType.register.rawValue)
    #expect(command.organisationId == organisation && command.specversion == "1.0")
    #expect(command.datacontenttype == "application/json" && command.time != nil)
    #expect(
      command.data
        == CommandData(
          professionalId: "bram", informed: "parents",
          child: ChildIdentity(
            bsn: "111222333", familyName: "Jansen", givenNames: "Pieter Jan", birthDate: "2015-05-01", gender: "M",
            parentBsns: ["123456782"])))
    let signature = try DetachedJWS(try #require(records[0].headers.first(named: DetachedJWS.headerName)).value)
    #expect(signature.keyID == organisation)
    try signature.verify(payload: records[0].value, organisationId: organisation, key: key)
    #expect(throws: DetachedJWSError.self) {
      try signature.verify(payload: records[1].value, organisationId: organisation, key: key)
    }
    let stranger = Curve25519.Signing.PrivateKey().publicKey
    #expect(throws: DetachedJWSError.self) {
      try signature.verify(payload: records[0].value, organisationId: organisation, key: stranger)
    }

    #expect(records[1].headers.first(named: DetachedJWS.headerName) == nil, "--unsigned sent a signature")
    #expect(try EventCoding.decode(SignalCommand.self, from: records[1].value).id == "cmd-unsigned")

    #expect(records[2].value == Array(#"{"not":"a command"}"#.utf8))
    let rawSignature = try DetachedJWS(try #require(records[2].headers.first(named: DetachedJWS.headerName)).value)
    try rawSignature.verify(payload: records[2].value, organisationId: organisation, key: key)
  }

  /// Reads the first `count` records of `topic` with a consumer group of its own.
  private func read(
    _ count: Int, from topic: String, client: KafkaClientConfiguration, logger: Logger
  ) async throws -> [KafkaConsumerMessage] {
    let consumer = try KafkaConsumer(
      configuration: KafkaConsumerConfiguration(
        client: client, groupID: "g-\(topic)", topics: [topic], sessionTimeoutMilliseconds: 6000,
        maxPollIntervalMilliseconds: 6000),
      logger: logger)
    return try await withThrowingTaskGroup(of: [KafkaConsumerMessage].self) { group in
      group.addTask {
        try await consumer.run()
        return []
      }
      group.addTask {
        var records: [KafkaConsumerMessage] = []
        for try await batch in consumer.batches {
          records += batch
          if records.count >= count { break }
        }
        return records
      }
      group.addTask {
        try await Task.sleep(for: .seconds(60))
        return []
      }
      // The first to finish: the reader with the records, or the time-out (or a failed consumer) with none.
      let records = try await group.next() ?? []
      group.cancelAll()
      return records.sorted { $0.offset < $1.offset }
    }
  }
}
