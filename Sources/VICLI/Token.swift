import ArgumentParser
import Foundation
import JOSE

/// `vi token`: mints a professional's bearer JWT for SignalIntake's HTTP API.
struct Token: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Print a bearer JWT for a professional, signed with the organisation's key.",
    discussion: """
      The token has iss = the organisation id, sub = the professional id and exp = now + lifetime (at most 3600 s). \
      Use it as: curl -H "Authorization: Bearer $(vi token ...)" ...
      """)

  @Option(help: "The organisation id: the token's issuer (iss).")
  var organisation: String

  @Option(help: "The professional id: the token's subject (sub).")
  var professional: String

  @Option(help: ArgumentHelp("The organisation's private key file, from vi keygen --out.", valueName: "file"))
  var key: String

  @Option(help: "Seconds until the token expires, 1 to 3600.")
  var lifetime: Int = 300

  func validate() throws {
    guard (1...Int(BearerToken.maximumLifetime)).contains(lifetime) else {
      throw ValidationError("--lifetime must be from 1 to \(Int(BearerToken.maximumLifetime)) seconds")
    }
  }

  func run() throws {
    let privateKey = try KeyFile.read(key)
    print(
      try BearerToken.mint(
        issuer: organisation, subject: professional, lifetime: TimeInterval(lifetime), now: Date(), key: privateKey))
  }
}
