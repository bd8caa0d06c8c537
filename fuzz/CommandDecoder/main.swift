import Contract
import JOSE
import KafkaClient

/// libFuzzer entry point for the intake's reading of a Kafka record: ``CommandDecoder`` (the CloudEvent in
/// structured JSON mode and its envelope checks) and the record headers it comes with.
///
/// librdkafka parses the headers off the wire (C, not fuzzed here); the Swift side copies each name and value into
/// a ``KafkaHeader`` and then reads `content-type` as UTF-8 and `vi-signature` as a ``DetachedJWS``, which this
/// target does with headers taken from the input. Input: an optional header block, then a zero byte, then the
/// record value; the block has one header per line, `name:value`, or `name` alone for a header without value.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCommandDecoder(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  var headers: [KafkaHeader] = []
  var value = bytes[...]
  if let zero = bytes.firstIndex(of: 0) {
    value = bytes[(zero + 1)...]
    for line in bytes[..<zero].split(separator: UInt8(ascii: "\n")) {
      let parts = line.split(separator: UInt8(ascii: ":"), maxSplits: 1, omittingEmptySubsequences: false)
      headers.append(
        KafkaHeader(key: String(decoding: parts[0], as: UTF8.self), value: parts.count > 1 ? Array(parts[1]) : nil))
    }
  }
  _ = headers.first(named: "content-type")?.stringValue
  do {
    _ = try DetachedJWS(headers.first(named: DetachedJWS.headerName)?.value)
  } catch {
    _ = error.validationIssue
  }
  switch CommandDecoder.decode(Array(value)) {
  case .success(let command):
    guard command.organisationId != nil, command.specversion == "1.0" else {
      fatalError("a command passed the decoder's checks without them holding: \(command.id)")
    }
  case .failure(let issues):
    guard !issues.isEmpty else { fatalError("a failure without issues") }
  }
  return 0
}
