public import Foundation

/// A rejected intake command, as published on the rejections topic (keyed by the organisation when known).
public struct Rejection: Codable, Sendable, Hashable {
  /// The command's `id`, when it could be read.
  public var commandId: String?
  /// The command's `source`, when it could be read.
  public var source: String?
  /// When SignalIntake received it.
  public var receivedAt: Date
  /// Every problem found.
  public var errors: [ValidationIssue]

  /// Creates a rejection.
  public init(commandId: String?, source: String?, receivedAt: Date, errors: [ValidationIssue]) {
    self.commandId = commandId
    self.source = source
    self.receivedAt = receivedAt
    self.errors = errors
  }
}
