/// An organisation (instantie) connected to the region's verwijsindex.
public struct Organisation: Codable, Sendable, Hashable {
  /// Its id, as in `urn:vi:org:<id>`.
  public var id: String
  /// Its name, shown in notices.
  public var name: String
  /// Its type (school, jgz, huisarts, jeugdhulp, veiligthuis, politie, ...), used for regie.
  public var type: String
  /// The municipality code it is connected under.
  public var municipality: String
  /// The region it belongs to.
  public var region: String
  /// Its Ed25519 public key (base64url of the 32 raw bytes), for tokens and command signatures.
  public var publicKey: String
  /// The coordinator whose details accompany its professionals' in notices.
  public var coordinator: Contact?
  /// Only an active organisation's professionals may signal.
  public var active: Bool

  /// Creates an organisation.
  public init(
    id: String, name: String, type: String, municipality: String, region: String, publicKey: String,
    coordinator: Contact?, active: Bool
  ) {
    self.id = id
    self.name = name
    self.type = type
    self.municipality = municipality
    self.region = region
    self.publicKey = publicKey
    self.coordinator = coordinator
    self.active = active
  }
}
