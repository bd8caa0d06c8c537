import ArgumentParser
import Crypto

/// The organisation that signs: its id and its private key file.
struct SignerOptions: ParsableArguments {
  @Option(help: "The organisation id (the token's iss; the command's source urn:vi:org:<id> and the signature's kid).")
  var organisation: String

  @Option(help: ArgumentHelp("The organisation's private key file, from vi keygen --out.", valueName: "file"))
  var key: String?

  /// The private key; fails with what to do when `--key` is missing.
  func privateKey() throws -> Curve25519.Signing.PrivateKey {
    guard let key else { throw CLIError("pass --key FILE, the organisation's private key (vi keygen --out FILE)") }
    return try KeyFile.read(key)
  }
}
