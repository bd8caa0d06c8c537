import ArgumentParser
import Foundation
import JOSE

/// How a signal request is sent and authenticated: SignalIntake's URL and the professional's bearer token.
struct HTTPSignalOptions: ParsableArguments {
  @OptionGroup(title: "Signing")
  var signer: SignerOptions

  @Option(name: .customLong("token-lifetime"), help: "Seconds until the minted token expires, 1 to 3600.")
  var tokenLifetime: Int = 300

  @Option(help: "Send this bearer token instead of minting one (to try a foreign, expired or broken token).")
  var token: String?

  @OptionGroup(title: "SignalIntake")
  var intake: IntakeOptions

  /// Posts `source`'s body to `path` with a token for `professional` (`--professional`, else the data's
  /// professionalId), prints the answer and fails unless it is a success.
  func post(_ path: [String], source: CommandDataSource, professional: String?) async throws {
    let bearer: String
    if let token {
      bearer = token
    } else {
      guard let subject = professional ?? source.professionalId, !subject.isEmpty else {
        throw CLIError("no professional for the token: pass --professional ID")
      }
      bearer = try BearerToken.mint(
        issuer: signer.organisation, subject: subject, lifetime: TimeInterval(tokenLifetime), now: Date(),
        key: try signer.privateKey())
    }
    let answer = try await intake.client().send("POST", path: path, body: try source.body(), bearer: bearer)
    try answer.printAndCheck()
  }
}
