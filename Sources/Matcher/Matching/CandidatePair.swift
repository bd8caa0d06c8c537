import Contract
import Foundation
import KafkaClient

/// Two signals that should be matched, in canonical order (the smaller id first, as the `matches` table requires).
struct CandidatePair: Hashable, Sendable {
  var kind: MatchNotice.Kind
  var a: UUID
  var b: UUID

  /// Orders the two ids.
  init(kind: MatchNotice.Kind, _ first: UUID, _ second: UUID) {
    self.kind = kind
    (a, b) = first.uuidString < second.uuidString ? (first, second) : (second, first)
  }

  /// The two signals, regardless of kind.
  var signals: [UUID] { [a, b] }
}
