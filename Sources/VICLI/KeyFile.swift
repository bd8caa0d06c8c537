import Crypto
import Foundation
import JOSE

/// An organisation's Ed25519 private key in a file: base64url (unpadded) of the 32 raw bytes, as `vi keygen` writes
/// it, on one line.
enum KeyFile {
  /// Reads the private key in `path`; warns on standard error when others may read the file.
  static func read(_ path: String) throws -> Curve25519.Signing.PrivateKey {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw CLIError("cannot read the key file '\(path)'; make one with: vi keygen --out \(path)")
    }
    if let mode = try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int,
      mode & 0o077 != 0
    {
      Console.warn("the key file '\(path)' can be read by others; chmod 600 \(path)")
    }
    let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    do {
      return try Curve25519.Signing.PrivateKey(rawRepresentation: try Base64URL.decode(text))
    } catch {
      throw CLIError(
        "'\(path)' is not an Ed25519 private key (base64url of 32 raw bytes, as vi keygen writes): \(error)")
    }
  }

  /// Writes `key` to a new file at `path` with mode 0600; refuses to overwrite an existing file.
  static func write(_ key: Curve25519.Signing.PrivateKey, to path: String) throws {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
    guard descriptor >= 0 else {
      let reason = String(cString: strerror(errno))
      throw CLIError("cannot create '\(path)': \(reason); choose a new file (vi keygen never overwrites a key)")
    }
    defer { close(descriptor) }
    let line = Array((Base64URL.encode(key.rawRepresentation) + "\n").utf8)
    let written = line.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
    guard written == line.count else {
      throw CLIError("could not write the whole key to '\(path)': \(String(cString: strerror(errno)))")
    }
  }
}
