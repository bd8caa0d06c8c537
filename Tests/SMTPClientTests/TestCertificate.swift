import Foundation
import NIOSSL

/// A self-signed certificate for `localhost` and `127.0.0.1`, made with the `openssl` command for this test run.
struct TestCertificate: Sendable {
  let certificate: NIOSSLCertificate
  let privateKey: NIOSSLPrivateKey
  /// The PEM files, in a temporary directory that ``remove()`` deletes.
  let certificatePath: String
  let keyPath: String

  /// Whether the `openssl` command is there to make one.
  static let isAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl")

  /// Makes a new key and certificate (valid for two days).
  ///
  /// - Parameter keepFiles: Whether to keep the PEM files (for another process) until ``remove()``.
  static func make(keepFiles: Bool = false) throws -> TestCertificate {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("smtp-tls-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let keyPath = directory.appendingPathComponent("key.pem").path
    let certificatePath = directory.appendingPathComponent("cert.pem").path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
    process.arguments = [
      "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
      "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
      "-keyout", keyPath, "-out", certificatePath,
    ]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw CocoaError(.fileWriteUnknown)
    }
    let result = TestCertificate(
      certificate: try NIOSSLCertificate(file: certificatePath, format: .pem),
      privateKey: try NIOSSLPrivateKey(file: keyPath, format: .pem),
      certificatePath: certificatePath,
      keyPath: keyPath
    )
    if !keepFiles {
      result.remove()
    }
    return result
  }

  /// Deletes the PEM files.
  func remove() {
    try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: self.keyPath).deletingLastPathComponent().path)
  }

  /// The server's TLS context.
  func serverContext() throws -> NIOSSLContext {
    try NIOSSLContext(
      configuration: .makeServerConfiguration(
        certificateChain: [.certificate(self.certificate)],
        privateKey: .privateKey(self.privateKey)
      )
    )
  }

  /// A client configuration that trusts only this certificate (hostname verification stays on).
  func clientConfiguration() -> TLSConfiguration {
    var configuration = TLSConfiguration.makeClientConfiguration()
    configuration.trustRoots = .certificates([self.certificate])
    return configuration
  }
}
