public import Foundation

/// A CloudEvents 1.0 command in structured JSON mode, as source systems put it on the intake topic.
public struct SignalCommand: Codable, Sendable {
  /// Always "1.0".
  public var specversion: String
  /// Unique per `source`.
  public var id: String
  /// `urn:vi:org:<organisationId>`.
  public var source: String
  /// The command type (kept as text so that an unknown type can be reported).
  public var type: String
  /// When the source made it (RFC 3339).
  public var time: String?
  /// Always `application/json`.
  public var datacontenttype: String?
  /// The command's data; its shape depends on `type`.
  public var data: CommandData?

  /// Creates a command.
  public init(
    id: String, source: String, type: CommandType, time: Date, data: CommandData
  ) {
    self.specversion = "1.0"
    self.id = id
    self.source = source
    self.type = type.rawValue
    self.time = ISO8601DateFormatter().string(from: time)
    self.datacontenttype = "application/json"
    self.data = data
  }

  /// The organisation id in `source`, when it has the form `urn:vi:org:<id>`.
  public var organisationId: String? {
    Self.organisationId(inSource: source)
  }

  /// The organisation id in a `source` of the form `urn:vi:org:<id>`.
  public static func organisationId(inSource source: String) -> String? {
    let prefix = "urn:vi:org:"
    guard source.hasPrefix(prefix), source.count > prefix.count else { return nil }
    return String(source.dropFirst(prefix.count))
  }

  /// The `source` of an organisation's commands.
  public static func source(organisationId: String) -> String {
    "urn:vi:org:\(organisationId)"
  }
}
