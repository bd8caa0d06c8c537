import BenchmarkSupport
import Contract
import Crypto
import Foundation
import JOSE
import KafkaClient

/// This run's organisation and professional on the system under measurement, and their signed commands.
struct BenchmarkEnvironment {
  let target = BenchmarkTarget(runPrefix: "bench-", label: "benchmark")
  let key = Curve25519.Signing.PrivateKey()

  var runID: String { target.runID }
  var organisation: String { "org-\(runID)" }
  var professional: String { "prof-\(runID)" }

  /// Registers this run's organisation (with its key) and professional through the admin API.
  func register() async throws {
    let admin = try target.adminAPI()
    let publicKey = OrganisationKey.registryForm(of: key.publicKey)
    try await admin.put(
      "organisations/\(organisation)",
      json:
        #"{"name":"Benchmark","type":"school","municipality":"0363","region":"bench","publicKey":"\#(publicKey)","coordinator":null,"active":true}"#
    )
    try await admin.put(
      "professionals/\(professional)",
      json:
        #"{"organisationId":"\#(organisation)","name":"Bench","email":"bench@example.org","phone":"0","active":true}"#)
  }

  /// A valid, signed register command for a new child with one parent.
  func signedCommand(_ index: Int, topic: String) throws -> KafkaProducerMessage {
    let command = SignalCommand(
      id: "\(runID)-\(index)", source: SignalCommand.source(organisationId: organisation), type: .register,
      time: Date(),
      data: CommandData(
        professionalId: professional, reference: "B-\(index)", informed: "parents",
        child: ChildIdentity(
          bsn: RandomBSN.make(), familyName: "Bench", givenNames: "Kind", birthDate: "2016-02-03", gender: "O",
          parentBsns: [RandomBSN.make()])))
    return try KafkaProducerMessage.intakeCommand(
      try EventCoding.encode(command), topic: topic, organisation: organisation, signingKey: key)
  }
}
