/// The `data` of a register or end command (and the body of `POST /v1/signals` and `POST /v1/signals/end`).
///
/// Both commands share this one shape, with every field optional, so that a command missing fields still decodes
/// and validation can report every problem at once.
public struct CommandData: Codable, Sendable, Hashable {
  /// The signalling professional.
  public var professionalId: String?
  /// The professional's own client number (register only; at most 64 characters).
  public var reference: String?
  /// Who was informed (register only).
  public var informed: String?
  /// The child.
  public var child: ChildIdentity?
  /// Why the signal ends (end only).
  public var reason: String?

  /// Creates command data.
  public init(
    professionalId: String?, reference: String? = nil, informed: String? = nil, child: ChildIdentity?,
    reason: String? = nil
  ) {
    self.professionalId = professionalId
    self.reference = reference
    self.informed = informed
    self.child = child
    self.reason = reason
  }
}
