import Contract
import Foundation
import TestTags
import Testing

/// Holds the events to the wire format of the records already on the topics: each sample in `Samples/`, written by
/// the encoder of the events before they became enums, decodes to the event it was made from and encodes back to
/// the same bytes; a record without the payload its type names does not decode.
@Suite("Events read and write the records already on the topics", .tags(.unit))
struct EventSampleTests {
  private typealias Samples = EventSamples

  /// The member each type's payload is written under.
  private static let signalPayloads: [SignalEvent.EventType: String] = [
    .registered: "registered", .ended: "ended", .expired: "expired", .expiryReminder: "reminder",
    .purged: "purged", .childErased: "erased", .childCorrected: "corrected",
  ]
  private static let noticePayloads: [NoticeEvent.EventType: String] = [
    .match: "match", .historical: "historical", .regie: "regie", .expiryReminder: "expiry", .expired: "expiry",
    .withdrawn: "withdrawal",
  ]

  @Test("every sample file is a sample, and every type has one")
  func samplesCoverEveryType() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Samples.folder.path)
      .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(".json".count)) }
    #expect(Set(files) == Set(Samples.signals.keys).union(Samples.notices.keys))
    #expect(Set(Samples.signals.values.map(\.type)) == Set(SignalEvent.EventType.allCases))
    #expect(Set(Samples.notices.values.map(\.type)) == Set(NoticeEvent.EventType.allCases))
    for (name, event) in Samples.signals {
      #expect(name.hasPrefix(event.type.rawValue), "\(name)")
    }
    for (name, event) in Samples.notices {
      #expect(name.hasPrefix(event.type.rawValue), "\(name)")
    }
  }

  @Test("a signal event sample decodes to its event and encodes to the same bytes", arguments: signalNames)
  func signalSample(_ name: String) throws {
    let bytes = try Samples.bytes(name)
    let expected = try #require(Samples.signals[name])
    let decoded = try EventCoding.decode(SignalEvent.self, from: bytes)
    #expect(decoded == expected)
    #expect(String(decoding: try EventCoding.encode(decoded), as: UTF8.self) == String(decoding: bytes, as: UTF8.self))
    #expect(try EventCoding.encode(expected) == bytes)
  }

  @Test("a notice event sample decodes to its event and encodes to the same bytes", arguments: noticeNames)
  func noticeSample(_ name: String) throws {
    let bytes = try Samples.bytes(name)
    let expected = try #require(Samples.notices[name])
    let decoded = try EventCoding.decode(NoticeEvent.self, from: bytes)
    #expect(decoded == expected)
    #expect(String(decoding: try EventCoding.encode(decoded), as: UTF8.self) == String(decoding: bytes, as: UTF8.self))
    #expect(try EventCoding.encode(expected) == bytes)
  }

  @Test("a signal event without its payload does not decode", arguments: signalNames)
  func signalWithoutPayload(_ name: String) throws {
    let event = try #require(Samples.signals[name])
    let member = try #require(Self.signalPayloads[event.type])
    let error = try decodingError(SignalEvent.self, from: try Self.removing(member, from: try Samples.bytes(name)))
    #expect(DecodingFailure.describe(error) == "missing '\(member)'")
  }

  @Test("a notice event without its payload does not decode", arguments: noticeNames)
  func noticeWithoutPayload(_ name: String) throws {
    let event = try #require(Samples.notices[name])
    let member = try #require(Self.noticePayloads[event.type])
    let error = try decodingError(NoticeEvent.self, from: try Self.removing(member, from: try Samples.bytes(name)))
    #expect(DecodingFailure.describe(error) == "missing '\(member)'")
  }

  @Test("another type's payload does not stand in for the event's own")
  func anotherPayloadIsNotTheOwn() throws {
    var object = try Self.object(try Samples.bytes("signal.expired"))
    object["type"] = SignalEvent.EventType.purged.rawValue
    let error = try decodingError(SignalEvent.self, from: Array(try JSONSerialization.data(withJSONObject: object)))
    #expect(DecodingFailure.describe(error) == "missing 'purged'")
  }

  static let signalNames = EventSamples.signals.keys.sorted()
  static let noticeNames = EventSamples.notices.keys.sorted()

  private static func object(_ bytes: [UInt8]) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
  }

  /// `bytes` without the top-level `member`, which must be there.
  private static func removing(_ member: String, from bytes: [UInt8]) throws -> [UInt8] {
    var object = try object(bytes)
    #expect(object.removeValue(forKey: member) != nil, "\(member)")
    return Array(try JSONSerialization.data(withJSONObject: object))
  }

  /// The `DecodingError` that decoding `bytes` as `type` throws.
  private func decodingError<T: Decodable>(_ type: T.Type, from bytes: [UInt8]) throws -> DecodingError {
    do {
      _ = try EventCoding.decode(type, from: bytes)
    } catch let error as DecodingError {
      return error
    }
    throw DecodedWithoutPayload()
  }

  /// An event decoded although its payload was removed.
  private struct DecodedWithoutPayload: Error {}
}
