internal import NIOCore

/// libFuzzer entry point for ``SMTPReplyParser``: the bytes after the first arrive in chunks whose size the first
/// byte sets (1 to 256), as they might from a socket, and replies are read after every chunk until the parser needs
/// more or throws. Nothing may trap, and every reply has a code from 200 to 599 and at least one line.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSMTPReply(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size > 0 else { return 0 }
  let chunkSize = Int(data[0]) + 1
  let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
  var parser = SMTPReplyParser()
  var start = 0
  while start < bytes.count {
    let end = min(start + chunkSize, bytes.count)
    parser.append(ByteBuffer(bytes: bytes[start..<end]))
    start = end
    do {
      while let reply = try parser.nextReply() {
        guard (200...599).contains(reply.code), !reply.lines.isEmpty else {
          fatalError("an impossible reply: \(reply)")
        }
      }
    } catch {
      return 0
    }
  }
  _ = parser.hasUnprocessedBytes
  return 0
}
