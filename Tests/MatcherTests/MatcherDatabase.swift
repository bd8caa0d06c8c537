import Contract
import Foundation
import KafkaClient
import Logging
import NIOCore
import PostgresNIO
import Registry
import Rules
import TestSupport

@testable import Matcher

/// A fresh, migrated Matcher database of its own for one test, on the local stack's PostgreSQL.
struct MatcherDatabase {
  static let logger = Logger(label: "matcher-test")

  /// Runs `body` with a client on a new database, migrated; drops the database afterwards.
  static func with<T: Sendable>(_ body: @Sendable (PostgresClient) async throws -> T) async throws -> T {
    try await TestDatabase.withFresh(suffix: "matcher", migrations: MatcherMigrations.all, logger: logger) {
      _, client in try await body(client)
    }
  }
}

/// Applies events in one transaction, as the Matcher's loop does per batch, and reads back the results.
struct Applier {
  let client: PostgresClient
  var rules = MatchRules(matchSameOrganisation: false)
  var registry = RegistrySnapshot()

  @discardableResult
  func apply(_ events: SignalEvent...) async throws -> Int {
    try await apply(events)
  }

  @discardableResult
  func apply(_ events: [SignalEvent]) async throws -> Int {
    try await client.withTransaction(logger: MatcherDatabase.logger) { connection in
      let applier = SignalApplier(
        connection: connection, rules: rules, registry: registry, noticesTopic: "notices",
        logger: MatcherDatabase.logger)
      try await applier.lockFamilies(of: events)
      return try await applier.apply(events).matches
    }
  }

  /// The matches as (kind, ended) pairs of professional ids, sorted.
  func matches() async throws -> [String] {
    let rows = try await client.query(
      """
      SELECT m.kind, least(a.professional_id, b.professional_id), greatest(a.professional_id, b.professional_id),
        m.ended_at IS NOT NULL
      FROM matches m JOIN signals a ON a.signal_id = m.signal_a JOIN signals b ON b.signal_id = m.signal_b
      ORDER BY 1, 2, 3
      """)
    var result: [String] = []
    for try await (kind, first, second, ended) in rows.decode((String, String, String, Bool).self) {
      result.append("\(kind) \(first)-\(second)\(ended ? " ended" : "")")
    }
    return result
  }

  /// The notices in the outbox, in order.
  func notices() async throws -> [NoticeEvent] {
    var result: [NoticeEvent] = []
    for try await payload in try await client.query("SELECT payload FROM outbox ORDER BY id").decode(ByteBuffer.self) {
      result.append(try EventCoding.decode(NoticeEvent.self, from: Array(buffer: payload)))
    }
    return result
  }

  /// The log book's actions, in order.
  func logBook() async throws -> [String] {
    var result: [String] = []
    for try await action in try await client.query("SELECT action FROM log_book ORDER BY id").decode(String.self) {
      result.append(action)
    }
    return result
  }

  /// A single number from `query`.
  func count(_ query: PostgresQuery) async throws -> Int {
    for try await count in try await client.query(query).decode(Int.self) { return count }
    return 0
  }

  func outboxCount() async throws -> Int {
    let rows = try await client.query("SELECT count(*)::int FROM outbox")
    for try await count in rows.decode(Int.self) { return count }
    return 0
  }

  func signalStatus(_ id: UUID) async throws -> String? {
    let rows = try await client.query("SELECT status FROM signals WHERE signal_id = \(id)")
    for try await status in rows.decode(String.self) { return status }
    return nil
  }
}

/// Builds signal events for the tests.
enum Events {
  static let now = Date()

  static func register(
    _ signalId: UUID = UUID(), child: String, professional: String, organisation: String, parents: [String] = [],
    address: String? = nil, at: Date = now, rekeying: Rekeying? = nil,
    birthDate: CalendarDate = CalendarDate("2015-01-01")!
  ) -> SignalEvent {
    SignalEvent(
      occurredAt: at, childPseudonym: Pseudonym(value: child),
      change: .registered(
        SignalRegistration(
          signalId: signalId, organisationId: organisation, professionalId: professional, reference: nil,
          informed: .parents,
          child: ChildRecord(
            initials: "A. Kind", birthDate: birthDate, gender: "M",
            parentPseudonyms: parents.map { Pseudonym(value: $0) },
            addressPseudonym: address.map { Pseudonym(value: $0) }
          ),
          registeredAt: at, endsOn: CalendarDate("2030-01-01")!)), rekeying: rekeying)
  }

  static func end(child: String, professional: String, organisation: String, reason: EndReason) -> SignalEvent {
    SignalEvent(
      occurredAt: now, childPseudonym: Pseudonym(value: child),
      change: .ended(SignalEnding(organisationId: organisation, professionalId: professional, reason: reason)))
  }

  static func expire(_ signalId: UUID, child: String) -> SignalEvent {
    SignalEvent(
      occurredAt: now, childPseudonym: Pseudonym(value: child),
      change: .expired(SignalExpiry(signalId: signalId, asOf: CalendarDate("2030-01-02")!)))
  }

  static func remind(_ signalId: UUID, child: String) -> SignalEvent {
    SignalEvent(
      occurredAt: now, childPseudonym: Pseudonym(value: child),
      change: .expiryReminder(SignalReminder(signalId: signalId, endsOn: CalendarDate("2030-01-01")!)))
  }

  static func purge(_ signalId: UUID, child: String) -> SignalEvent {
    SignalEvent(
      occurredAt: now, childPseudonym: Pseudonym(value: child),
      change: .purged(SignalPurge(signalId: signalId, archivedOn: CalendarDate("2030-01-02")!)))
  }

  static func erase(child: String, reason: ChildErasure.Reason) -> SignalEvent {
    SignalEvent(
      occurredAt: now, childPseudonym: Pseudonym(value: child), change: .childErased(ChildErasure(reason: reason)))
  }

  static func correct(child: String, initials: String, birthDate: String) -> SignalEvent {
    SignalEvent(
      occurredAt: now, childPseudonym: Pseudonym(value: child),
      change: .childCorrected(ChildCorrection(initials: initials, birthDate: CalendarDate(birthDate)!, gender: "O")))
  }
}
