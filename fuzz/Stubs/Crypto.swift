/// A stand-in for swift-crypto's `Curve25519.Signing`, so the JOSE sources build with plain `swiftc` for fuzzing.
///
/// It is not cryptography. A "signature" is valid when its first 32 bytes are the public key's raw bytes, which
/// lets the fuzzer reach the code after the signature check (claims, times) as often as the code before it.
public enum Curve25519 {
  /// Signing keys.
  public enum Signing {
    /// A public key: 32 raw bytes.
    public struct PublicKey: Sendable {
      /// The key's 32 bytes.
      public let rawRepresentation: [UInt8]

      /// Reads 32 raw bytes, as swift-crypto does.
      public init(rawRepresentation: some Collection<UInt8>) throws {
        guard rawRepresentation.count == 32 else { throw StubCryptoError.invalidKey }
        self.rawRepresentation = Array(rawRepresentation)
      }

      /// Whether `signature` is 64 bytes that begin with this key's bytes (see the type's description).
      public func isValidSignature(_ signature: some Collection<UInt8>, for data: some Collection<UInt8>) -> Bool {
        signature.count == 64 && Array(signature.prefix(32)) == rawRepresentation
      }
    }

    /// A private key whose "signatures" its ``publicKey`` accepts.
    public struct PrivateKey: Sendable {
      /// The matching public key.
      public let publicKey: PublicKey

      /// A key whose public key has all 32 bytes equal to `byte`.
      public init(byte: UInt8 = 1) {
        // 32 bytes always make a key.
        self.publicKey = try! PublicKey(rawRepresentation: [UInt8](repeating: byte, count: 32))
      }

      /// The public key's bytes followed by 32 zero bytes.
      public func signature(for data: some Collection<UInt8>) throws -> [UInt8] {
        publicKey.rawRepresentation + [UInt8](repeating: 0, count: 32)
      }
    }
  }
}

/// Why the stand-in refused a key.
public enum StubCryptoError: Error {
  /// Not 32 bytes.
  case invalidKey
}

/// A stand-in for swift-crypto's `SHA256`, only so that `Contract` builds; the command decoder never hashes. The
/// "digest" is the input folded into 32 bytes, not a hash.
public enum SHA256 {
  /// 32 bytes derived from `data` (not SHA-256).
  public static func hash(data: some Sequence<UInt8>) -> [UInt8] {
    var digest = [UInt8](repeating: 0, count: 32)
    for (offset, byte) in data.enumerated() {
      digest[offset % 32] = digest[offset % 32] &* 31 &+ byte
    }
    return digest
  }
}

/// A stand-in for swift-crypto's `SymmetricKey`.
public struct SymmetricKey: Sendable {
  /// The key's bytes.
  public let bytes: [UInt8]

  /// A key of `data`'s bytes.
  public init(data: some Sequence<UInt8>) {
    self.bytes = Array(data)
  }
}

/// A stand-in for swift-crypto's `HMAC`, only so that `Contract` builds (not an HMAC).
public enum HMAC<Hash> {
  /// 32 bytes derived from `key` and `data` (not an HMAC).
  public static func authenticationCode(for data: some Sequence<UInt8>, using key: SymmetricKey) -> [UInt8] {
    SHA256.hash(data: key.bytes + Array(data))
  }
}
