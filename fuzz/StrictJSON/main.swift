/// libFuzzer entry point for ``StrictJSONParser``: any bytes either parse into an object or throw a
/// ``JSONParseError``; nothing traps. A parsed object's strings, written with ``JSONValue/quoted(_:)``, parse back
/// to the same strings.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStrictJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = Array(UnsafeBufferPointer(start: data, count: size))
  guard let object = try? StrictJSONParser.parseObject(bytes) else { return 0 }
  for (name, value) in object {
    guard case .string(let text) = value else { continue }
    let written = "{" + JSONValue.quoted(name) + ":" + JSONValue.quoted(text) + "}"
    guard let reread = try? StrictJSONParser.parseObject(Array(written.utf8)), reread == [name: .string(text)] else {
      fatalError("quoted strings did not read back: \(written)")
    }
  }
  return 0
}
