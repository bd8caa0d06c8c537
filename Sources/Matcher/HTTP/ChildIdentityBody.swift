/// How the region administrator names a child: `{bsn}`, or `{familyName, birthDate, gender}` for a child without
/// one. With a BSN the other fields are ignored, as SignalIntake does when it makes the pseudonym. The BSN is only
/// ever read from a request body, turned into a pseudonym in memory and dropped.
struct ChildIdentityBody: Decodable, Sendable {
  /// The citizen service number, nine digits passing the elfproef.
  var bsn: String?
  /// The family name, for a child without a BSN.
  var familyName: String?
  /// `YYYY-MM-DD`, for a child without a BSN.
  var birthDate: String?
  /// M, V or O, for a child without a BSN.
  var gender: String?
}

extension ChildIdentityBody: CustomStringConvertible {
  /// Never the BSN or the name: the body must not reach a log line by accident.
  var description: String { "ChildIdentityBody(redacted)" }
}
