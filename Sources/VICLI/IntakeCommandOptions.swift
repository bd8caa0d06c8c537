import ArgumentParser
import Contract
import Foundation
import KafkaClient

/// How a command goes onto the intake topic: its id, whether and how it is signed, and where it goes.
struct IntakeCommandOptions: ParsableArguments {
  @OptionGroup(title: "Signing")
  var signer: SignerOptions

  @Option(help: "The command's id, unique per organisation (default: a random UUID).")
  var id: String?

  @Flag(help: "Send without the vi-signature header, to try the rejection path.")
  var unsigned = false

  @Option(
    help: ArgumentHelp(
      "Send this file's bytes as the record value (signed unless --unsigned) instead of a built command.",
      valueName: "file"))
  var raw: String?

  @Option(help: "The intake topic (default: $VI_TOPIC_SIGNAL_COMMANDS, else vi.signal-commands).")
  var topic: String?

  @OptionGroup(title: "Kafka")
  var kafka: KafkaOptions

  /// Builds the command of `type` around `source`'s data (or takes `--raw`), signs its exact bytes, produces it
  /// keyed by the organisation, and prints where it was stored.
  func send(_ type: CommandType, source: () throws -> CommandDataSource) async throws {
    let organisation = signer.organisation
    let commandId = id ?? UUID().uuidString.lowercased()
    let value: [UInt8]
    if let raw {
      guard let bytes = FileManager.default.contents(atPath: raw) else { throw CLIError("cannot read '\(raw)'") }
      value = Array(bytes)
    } else {
      value = try Self.command(type, id: commandId, organisation: organisation, data: try source())
    }
    let record = try KafkaProducerMessage.intakeCommand(
      value, topic: try topic ?? kafka.topics().signalCommands, organisation: organisation,
      signingKey: unsigned ? nil : try signer.privateKey())
    let report = try await KafkaSend.send(record, client: try kafka.client("vi-cli"))
    print(
      "delivered topic=\(report.topic) partition=\(report.partition) offset=\(report.offset)"
        + (raw == nil ? " id=\(commandId)" : "") + (unsigned ? " unsigned" : " signed"))
  }

  /// The CloudEvents value: encoded from the types, or, for `--data FILE`, with the file's JSON embedded as it is.
  static func command(
    _ type: CommandType, id: String, organisation: String, data: CommandDataSource
  ) throws -> [UInt8] {
    let source = SignalCommand.source(organisationId: organisation)
    switch data {
    case .options(let commandData):
      return try EventCoding.encode(SignalCommand(id: id, source: source, type: type, time: Date(), data: commandData))
    case .file:
      let envelope = SignalCommand(
        id: id, source: source, type: type, time: Date(),
        data: CommandData(professionalId: nil, child: nil))
      guard
        var object = try JSONSerialization.jsonObject(with: Data(try EventCoding.encode(envelope))) as? [String: Any]
      else { throw CLIError("could not build the command envelope") }
      object["data"] = try data.jsonValue()
      return Array(
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
    }
  }
}
