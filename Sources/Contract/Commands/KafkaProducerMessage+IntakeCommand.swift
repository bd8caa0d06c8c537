public import Crypto
import JOSE
public import KafkaClient

extension KafkaProducerMessage {
  /// The content type of a command on the intake topic: a CloudEvent in structured mode.
  public static let intakeContentType = "application/cloudevents+json"

  /// A command for the intake topic as the contract asks a source system to produce it: keyed by the organisation
  /// id, with the content type and, given `signingKey`, the detached signature of exactly `value` (`vi-signature`).
  public static func intakeCommand(
    _ value: [UInt8], topic: String, organisation: String, signingKey: Curve25519.Signing.PrivateKey?
  ) throws -> KafkaProducerMessage {
    var headers = [KafkaHeader(key: "content-type", string: intakeContentType)]
    if let signingKey {
      let signature = try DetachedJWS.sign(payload: value, keyID: organisation, key: signingKey)
      headers.append(KafkaHeader(key: DetachedJWS.headerName, string: signature))
    }
    return KafkaProducerMessage(topic: topic, key: organisation, value: value, headers: headers)
  }
}
