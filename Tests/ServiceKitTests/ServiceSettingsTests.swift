import Foundation
import KafkaClient
import TestTags
import Testing

@testable import ServiceKit

@Suite("ServiceSettings", .tags(.unit))
struct ServiceSettingsTests {
  static let defaults = ServiceSettings.Defaults(clientID: "test", database: "vi_test", httpPort: 8089)

  @Test("the PostgreSQL pool has 10 connections unless VI_POSTGRES_POOL_SIZE says otherwise")
  func poolSize() throws {
    let standard = try ServiceSettings(EnvironmentVariables([:]), defaults: Self.defaults)
    #expect(standard.postgres.clientConfiguration.options.maximumConnections == 10)
    let set = try ServiceSettings(EnvironmentVariables(["VI_POSTGRES_POOL_SIZE": "25"]), defaults: Self.defaults)
    #expect(set.postgres.clientConfiguration.options.maximumConnections == 25)
    #expect(set.postgres.clientConfiguration.options.minimumConnections == 1)
  }

  @Test("a pool size outside 1 to 100 is refused, naming the variable", arguments: ["0", "101", "ten", "-3"])
  func poolSizeRefused(value: String) {
    #expect {
      _ = try ServiceSettings(EnvironmentVariables(["VI_POSTGRES_POOL_SIZE": value]), defaults: Self.defaults)
    } throws: { error in
      (error as? ConfigurationError)?.variable == "VI_POSTGRES_POOL_SIZE"
    }
  }

  @Test("--help lists the pool size with its default")
  func poolSizeDocumented() {
    let documentation = ServiceSettings.documentation(Self.defaults, own: [])
    #expect(documentation.contains { $0.name == "VI_POSTGRES_POOL_SIZE" && $0.defaultValue == "10" })
  }
}

@Suite("KafkaUsage", .tags(.unit))
struct KafkaUsageTests {
  static func kafka() throws -> KafkaSettings {
    try KafkaSettings(
      EnvironmentVariables(["VI_KAFKA_GROUP_PREFIX": "region", "VI_TOPIC_SIGNALS": "region.signals"]),
      clientID: "test")
  }

  @Test("a declared group is <prefix>.<group> on the configured topic name")
  func fixedGroup() throws {
    let configuration = try Self.kafka().consumer(.group("matcher", reads: .signals))
    #expect(configuration.groupID == "region.matcher")
    #expect(configuration.topics == ["region.signals"])
  }

  @Test("a generated group starts with <prefix>.<group> and is new each time")
  func generatedGroups() throws {
    let consumer = KafkaUsage.Consumer.generatedGroups("matcher-outbox-recovery-", reads: .matches)
    let kafka = try Self.kafka()
    let first = kafka.consumer(consumer).groupID
    let second = kafka.consumer(consumer).groupID
    #expect(first.hasPrefix("region.matcher-outbox-recovery-"))
    #expect(first.count > "region.matcher-outbox-recovery-".count)
    #expect(first != second)
    #expect(kafka.consumer(consumer).topics == ["vi.matches"])
  }

  @Test("--help names topics by their setting, in the lines scripts/check_compose.py reads")
  func help() {
    let usage = KafkaUsage(
      consumers: [
        .group("matcher", reads: .signals), .generatedGroups("matcher-outbox-recovery-", reads: .matches),
      ],
      writes: [.signals])
    let lines = usage.help.split(separator: "\n").dropFirst().map(String.init)
    #expect(
      lines == [
        "  reads VI_TOPIC_SIGNALS in group <prefix>.matcher",
        "  reads VI_TOPIC_MATCHES in groups <prefix>.matcher-outbox-recovery-*",
        "  writes VI_TOPIC_SIGNALS",
      ])
  }

  @Test("every topic role names the variable of its setting")
  func topicVariables() {
    let variables = TopicNames.Topic.allCases.map(\.variable)
    #expect(Set(variables) == Set(TopicNames.settings.map(\.name)))
  }
}

@Suite("Kafka TLS settings", .tags(.unit))
struct KafkaTLSSettingsTests {
  static func client(_ values: [String: String]) throws -> KafkaClientConfiguration {
    try KafkaClientConfiguration(EnvironmentVariables(values), clientID: "test")
  }

  @Test("a private CA becomes librdkafka's ssl.ca.location with ssl or sasl_ssl")
  func privateCA() throws {
    let authority = FileManager.default.temporaryDirectory.appendingPathComponent("vi-ca-\(UUID().uuidString).pem")
    try Data("-----BEGIN CERTIFICATE-----\n".utf8).write(to: authority)
    defer { try? FileManager.default.removeItem(at: authority) }
    let tls = try Self.client(["VI_KAFKA_SECURITY_PROTOCOL": "ssl", "VI_KAFKA_SSL_CA_LOCATION": authority.path])
    #expect(tls.properties["ssl.ca.location"] == authority.path)
    let sasl = try Self.client([
      "VI_KAFKA_SECURITY_PROTOCOL": "sasl_ssl", "VI_KAFKA_SASL_USERNAME": "u", "VI_KAFKA_SASL_PASSWORD": "p",
      "VI_KAFKA_SSL_CA_LOCATION": authority.path,
    ])
    #expect(sasl.properties["ssl.ca.location"] == authority.path)
    #expect(try Self.client([:]).properties["ssl.ca.location"] == nil)
  }

  @Test(
    "a CA without TLS, or one that is not a readable file, is refused naming the variable",
    arguments: [
      ["VI_KAFKA_SSL_CA_LOCATION": "/etc/hostname"],
      ["VI_KAFKA_SECURITY_PROTOCOL": "ssl", "VI_KAFKA_SSL_CA_LOCATION": "/nonexistent/ca.pem"],
    ])
  func refused(values: [String: String]) {
    #expect {
      _ = try Self.client(values)
    } throws: { error in
      (error as? ConfigurationError)?.variable == "VI_KAFKA_SSL_CA_LOCATION"
    }
  }
}
