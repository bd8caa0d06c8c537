import Foundation

/// A signal, match or event id as the API writes it: lower-case, as SignalIntake answers `signalId`.
struct ResourceID: Encodable, Sendable, Hashable {
  var uuid: UUID

  init(_ uuid: UUID) {
    self.uuid = uuid
  }

  /// The lower-case string.
  func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(uuid.uuidString.lowercased())
  }
}
