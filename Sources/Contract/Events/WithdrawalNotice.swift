public import Foundation

/// Signals the Matcher deleted (ended as unjustified, purged from the archive, or erased with their child): nothing
/// more may be told about them. The Notifier drops the e-mails still queued that name one, and queues none that
/// arrive later.
public struct WithdrawalNotice: Codable, Sendable, Hashable {
  /// The deleted signals.
  public var signalIds: [UUID]

  /// Creates a withdrawal of `signalIds`.
  public init(signalIds: [UUID]) {
    self.signalIds = signalIds
  }
}
