/// A stand-in for the part of swift-nio's `ByteBuffer` that `SMTPReplyParser` uses, so the parser builds with plain
/// `swiftc` for fuzzing.
///
/// It keeps NIO's index semantics: ``readableBytesView`` is indexed from ``readerIndex``, not from zero, and
/// ``discardReadBytes()`` moves the readable bytes to the front and sets ``readerIndex`` to zero.
public struct ByteBuffer: Sendable {
  private var storage: [UInt8] = []

  /// The index of the first readable byte.
  public private(set) var readerIndex = 0

  /// An empty buffer.
  public init() {}

  /// A buffer holding `bytes`.
  public init(bytes: some Sequence<UInt8>) {
    self.storage = Array(bytes)
  }

  /// How many bytes can be read.
  public var readableBytes: Int { storage.count - readerIndex }

  /// The readable bytes, indexed from ``readerIndex``.
  public var readableBytesView: ArraySlice<UInt8> { storage[readerIndex...] }

  /// Appends `other`'s readable bytes and consumes them from `other`.
  @discardableResult
  public mutating func writeBuffer(_ other: inout ByteBuffer) -> Int {
    let count = other.readableBytes
    storage.append(contentsOf: other.readableBytesView)
    other.readerIndex = other.storage.count
    return count
  }

  /// Moves the reader index forward; traps when that passes the end, as NIO does.
  public mutating func moveReaderIndex(forwardBy offset: Int) {
    precondition(offset >= 0 && readerIndex + offset <= storage.count, "moveReaderIndex beyond the readable bytes")
    readerIndex += offset
  }

  /// Drops the bytes before ``readerIndex``.
  @discardableResult
  public mutating func discardReadBytes() -> Bool {
    guard readerIndex > 0 else { return false }
    storage.removeFirst(readerIndex)
    readerIndex = 0
    return true
  }
}
