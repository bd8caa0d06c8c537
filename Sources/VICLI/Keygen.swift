import ArgumentParser
import Crypto
import JOSE

/// `vi keygen`: makes an organisation's Ed25519 key pair.
struct Keygen: ParsableCommand {
  static let configuration = CommandConfiguration(
    abstract: "Make an Ed25519 key pair for an organisation.",
    discussion: """
      Prints the public key in registry form (base64url of its 32 raw bytes): pass it to \
      'vi organisation put --public-key'. With --out, writes the private key (base64url of its 32 raw bytes) to a \
      new file with mode 0600 and prints only the public key; without --out, prints the private key on a second \
      line. Keep the private key in the source system: it signs tokens and intake commands.
      """)

  @Option(
    name: .customLong("out"),
    help: ArgumentHelp("Write the private key to this new file (mode 0600).", valueName: "file"))
  var out: String?

  func run() throws {
    let key = Curve25519.Signing.PrivateKey()
    let publicKey = OrganisationKey.registryForm(of: key.publicKey)
    if let out {
      try KeyFile.write(key, to: out)
      print(publicKey)
      Console.note("wrote the private key to \(out) (mode 0600); the line above is the public key to register")
    } else {
      Console.warn("printing the private key (second line); anyone with it can act for the organisation: prefer --out")
      print(publicKey)
      print(Base64URL.encode(key.rawRepresentation))
    }
  }
}
