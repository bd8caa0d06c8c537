/// Who has regie (DOMAIN ): the signal whose organisation type the region ranks first (`VI_REGIE_ORDER`), a
/// type not listed after all listed ones; between equals the first signaller; between signals made at the same
/// instant the smaller signal id.
public struct RegieRanking: Sendable, Hashable {
  /// Organisation types, first the one with the strongest claim to regie.
  public var order: [String]

  /// The ranking of a region.
  public init(order: [String]) {
    self.order = order
  }

  /// The rank of an organisation type: its place in ``order``, or after every listed type.
  public func rank(of organisationType: String) -> Int {
    order.firstIndex(of: organisationType) ?? Self.unlisted
  }

  /// Whether `a` has the stronger claim to regie than `b`.
  public func precedes(_ a: RegieCandidate, _ b: RegieCandidate) -> Bool {
    (rank(of: a.organisationType), a.registeredAt, a.signalId.uuidString)
      < (rank(of: b.organisationType), b.registeredAt, b.signalId.uuidString)
  }

  /// The candidate with regie among `candidates`, or `nil` when there are none.
  public func holder<Signal>(among candidates: [Signal], _ candidate: (Signal) -> RegieCandidate) -> Signal? {
    candidates.min { precedes(candidate($0), candidate($1)) }
  }

  /// ``precedes(_:_:)`` as a SQL `ORDER BY` list over rows `alias` (a table alias) with the columns
  /// `organisation_type`, `registered_at` and `signal_id`: the holder comes first.
  public func sqlOrder(_ alias: String) -> String {
    "COALESCE(array_position(\(SQLText.array(order)), \(alias).organisation_type), \(Self.unlisted)), "
      + "\(alias).registered_at, \(alias).signal_id"
  }

  /// The rank of a type not listed (the largest 32-bit integer, so that SQL and Swift agree).
  private static let unlisted = Int(Int32.max)
}
