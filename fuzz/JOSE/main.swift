import Crypto
import Foundation

/// libFuzzer entry point for JWS and JWT verification: base64url, ``DetachedJWS`` (the `vi-signature` Kafka header)
/// and ``BearerToken`` (the HTTP API's JWT), with the stand-in `Crypto` of `fuzz/Stubs` as the verifier.
///
/// The first input byte picks what the rest is fed to, so one corpus covers all three. Any input must either be
/// accepted or throw the function's typed error; a base64url text that decodes must be the encoding of what it
/// decodes to (the decoding is canonical).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJOSE(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size > 0 else { return 0 }
  let selector = data[0]
  let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
  let key = Curve25519.Signing.PrivateKey().publicKey
  switch selector % 3 {
  case 0:
    if let decoded = try? Base64URL.decode(bytes: bytes), Array(Base64URL.encode(decoded).utf8) != bytes {
      fatalError("base64url is not canonical for \(bytes)")
    }
  case 1:
    // The payload is what follows the first newline, if any; the header value is what precedes it.
    let parts = bytes.split(separator: UInt8(ascii: "\n"), maxSplits: 1, omittingEmptySubsequences: false)
    if let signature = try? DetachedJWS(Array(parts[0])) {
      let payload = parts.count > 1 ? Array(parts[1]) : []
      try? signature.verify(payload: payload, organisationId: signature.keyID, key: key)
      try? signature.verify(
        payload: payload, organisationId: "org-1", registeredKey: OrganisationKey.registryForm(of: key))
    }
  default:
    let text = String(decoding: bytes, as: UTF8.self)
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    _ = try? BearerToken.verify(authorization: text, now: now) { $0.isEmpty ? nil : key }
    _ = try? BearerToken.verify(text, now: now) { _ in key }
  }
  return 0
}
