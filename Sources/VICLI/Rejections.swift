import ArgumentParser
import Contract
import Foundation
import KafkaClient
import Logging

/// `vi rejections`: reads the rejections topic and prints the rejections of one organisation.
struct Rejections: AsyncParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print an organisation's rejected intake commands.",
    discussion: """
      Reads $VI_TOPIC_SIGNAL_COMMANDS_REJECTED (default vi.signal-commands.rejected) with a consumer group of its \
      own and prints each rejection keyed by --organisation: the command id, when it was received, and every \
      problem as field [code] message. Without --follow it stops after --idle seconds without a new record.
      """)

  @Option(help: "The organisation id whose rejections to print (the records' key).")
  var organisation: String

  @Flag(help: "Keep reading and print rejections as they arrive, until interrupted.")
  var follow = false

  @Flag(name: .customLong("from-beginning"), help: "Start at the oldest rejection still on the topic, not the next.")
  var fromBeginning = false

  @Flag(help: "Print each rejection as its JSON value, one per line.")
  var json = false

  @Option(help: "Without --follow: seconds to wait for a further record before stopping.")
  var idle: Int = 10

  @Option(help: "The rejections topic (default: $VI_TOPIC_SIGNAL_COMMANDS_REJECTED).")
  var topic: String?

  @OptionGroup(title: "Kafka")
  var kafka: KafkaOptions

  func run() async throws {
    var logger = Logger(label: "vi")
    logger.logLevel = .error
    let topicName = try topic ?? kafka.topics().signalCommandsRejected
    // Tansu holds a joining member for max.poll.interval.ms, so keep it short; the group is this run's alone.
    let consumer = try KafkaConsumer(
      configuration: KafkaConsumerConfiguration(
        client: try kafka.client("vi-cli-rejections"), groupID: "vi-cli.\(UUID().uuidString.lowercased())",
        topics: [topicName], sessionTimeoutMilliseconds: 6000, maxPollIntervalMilliseconds: 6000,
        offsetReset: fromBeginning ? .earliest : .latest),
      logger: logger)
    let lastRecord = LastRecord()
    let organisation = organisation
    let asJSON = json
    try await withThrowingTaskGroup(of: Void.self) { group in
      group.addTask { try await consumer.run() }
      group.addTask {
        for try await batch in consumer.batches {
          await lastRecord.touch()
          for message in batch where message.keyString == organisation {
            print(Self.render(message.value, asJSON: asJSON))
          }
        }
      }
      if !follow {
        // Joining the group takes a few seconds; count the idle time from the start and from each record.
        while await lastRecord.idleSeconds < Double(idle) {
          try await Task.sleep(for: .milliseconds(250))
        }
        group.cancelAll()
      }
      try await group.waitForAll()
    }
  }

  /// One rejection, for people (or as its JSON with `--json`).
  private static func render(_ value: [UInt8], asJSON: Bool) -> String {
    guard !asJSON, let rejection = try? EventCoding.decode(Rejection.self, from: value) else {
      return String(decoding: value, as: UTF8.self)
    }
    let received = ISO8601DateFormatter().string(from: rejection.receivedAt)
    let lines = rejection.errors.map { "  \($0.field) [\($0.code)] \($0.message)" }
    return
      (["\(received) command \(rejection.commandId ?? "(no id)") from \(rejection.source ?? "(no source)")"]
      + lines).joined(separator: "\n")
  }
}
