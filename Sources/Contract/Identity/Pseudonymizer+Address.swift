extension Pseudonymizer {
  /// The pseudonym of an address key (see ``Address/key``), for address matches. It is a pseudonym of the same
  /// kind as a BSN's, so the Matcher can compare addresses without ever storing one.
  public func pseudonym(addressKey: String) -> Pseudonym {
    pseudonym(of: "address:" + addressKey)
  }
}
