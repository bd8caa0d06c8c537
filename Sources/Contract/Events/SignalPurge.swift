public import Foundation

/// An archived signal reached five years in the archive and is deleted (emitted by Retention).
public struct SignalPurge: Codable, Sendable, Hashable {
  /// The archived signal.
  public var signalId: UUID
  /// The day it was archived.
  public var archivedOn: CalendarDate

  /// Creates a purge.
  public init(signalId: UUID, archivedOn: CalendarDate) {
    self.signalId = signalId
    self.archivedOn = archivedOn
  }
}
